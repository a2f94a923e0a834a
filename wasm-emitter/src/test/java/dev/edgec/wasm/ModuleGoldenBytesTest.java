package dev.edgec.wasm;

import static dev.edgec.wasm.WasmBytesTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact bytes of tiny modules, computed by hand from the binary format spec (section 5). */
class ModuleGoldenBytesTest {
    @Test
    void emptyModuleIsJustTheHeader() {
        // magic "\0asm", then version 1 as a little-endian u32; no sections at all
        assertArrayEquals(bytes(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00), new ModuleBuilder().encode().bytes());
    }

    @Test
    void oneFunctionModule() {
        ModuleBuilder m = new ModuleBuilder();
        FunctionBuilder f = m.addFunction("f", FuncType.of(List.of(), ValType.I32));
        f.code().i32Const(42);
        m.exportFunction("f", f.index());
        byte[] expected = bytes(
                0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                // type section (id 1), 5 bytes: 1 type: func (0x60), 0 params, 1 result i32 (0x7F)
                0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
                // function section (id 3), 2 bytes: 1 function of type 0
                0x03, 0x02, 0x01, 0x00,
                // export section (id 7), 5 bytes: 1 export, name "f", kind func (0), index 0
                0x07, 0x05, 0x01, 0x01, 'f', 0x00, 0x00,
                // code section (id 10), 6 bytes: 1 body of 4 bytes: 0 local groups, i32.const 42, end
                0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2A, 0x0B);
        EncodedModule encoded = m.encode();
        assertArrayEquals(expected, encoded.bytes());
        assertEquals(7, encoded.sectionSize("type"));
        assertEquals(8, encoded.sectionSize("code"));
    }

    @Test
    void localsAreRunLengthGrouped() {
        ModuleBuilder m = new ModuleBuilder();
        FunctionBuilder f = m.addFunction("f", FuncType.of(List.of(ValType.I32), null));
        assertEquals(1, f.addLocal(ValType.I32));
        assertEquals(2, f.addLocal(ValType.I32));
        assertEquals(3, f.addLocal(ValType.F32));
        byte[] wasm = m.encode().bytes();
        // code section tail: 1 body of 6 bytes: 2 groups (2 x i32, 1 x f32), end
        byte[] tail = bytes(0x0A, 0x08, 0x01, 0x06, 0x02, 0x02, 0x7F, 0x01, 0x7D, 0x0B);
        byte[] actual = java.util.Arrays.copyOfRange(wasm, wasm.length - tail.length, wasm.length);
        assertArrayEquals(tail, actual);
    }
}
