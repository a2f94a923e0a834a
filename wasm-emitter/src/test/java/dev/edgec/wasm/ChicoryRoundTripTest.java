package dev.edgec.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.UnknownCustomSection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Modules written by {@link ModuleBuilder}, parsed back by Chicory's independent parser and run. */
class ChicoryRoundTripTest {
    private static com.dylibso.chicory.wasm.types.ValType chicory(ValType t) {
        return switch (t) {
            case I32 -> com.dylibso.chicory.wasm.types.ValType.I32;
            case I64 -> com.dylibso.chicory.wasm.types.ValType.I64;
            case F32 -> com.dylibso.chicory.wasm.types.ValType.F32;
            case F64 -> com.dylibso.chicory.wasm.types.ValType.F64;
        };
    }

    private static ModuleBuilder sample() {
        ModuleBuilder m = new ModuleBuilder();
        FunctionBuilder add = m.addFunction("add", FuncType.of(List.of(ValType.I32, ValType.I32), ValType.I32));
        add.code().localGet(0).localGet(1).i32Add();
        FunctionBuilder sum = m.addFunction("sum", FuncType.of(List.of(ValType.I32), ValType.F64));
        int acc = sum.addLocal(ValType.F64);
        // sum of memory f32 values 0..n-1 at byte 16, promoted to f64
        int i = sum.addLocal(ValType.I32);
        sum.code().block().loop()
                .localGet(i).localGet(0).i32GeS().brIf(1)
                .localGet(acc).localGet(i).i32Const(2).i32Shl().f32Load(16).f64PromoteF32().f64Add().localSet(acc)
                .localGet(i).i32Const(1).i32Add().localSet(i).br(0)
                .end().end().localGet(acc);
        FunctionBuilder same = m.addFunction("add2", FuncType.of(List.of(ValType.I32, ValType.I32), ValType.I32));
        same.code().localGet(0).localGet(1).i32Add().i32Const(2).i32Add();
        m.memory(2, 3);
        m.addGlobal(ValType.I64, true, -5L);
        m.exportFunction("add", add.index()).exportFunction("sum", sum.index()).exportMemory("memory");
        float[] values = {1.5f, -2.25f, 4f};
        WasmBytes data = new WasmBytes();
        for (float v : values) {
            data.f32(v);
        }
        m.addData(16, data.toByteArray());
        m.addData(70000, new byte[] {7, 8, 9});
        m.addCustomSection("edgec.signature", "{\"abi\":1}".getBytes(StandardCharsets.UTF_8));
        m.moduleName("sample");
        return m;
    }

    @Test
    void parsesBackTypesFunctionsExportsMemoryAndData() {
        WasmModule w = Parser.parse(sample().encode().bytes());
        // identical signatures share one type entry
        assertEquals(2, w.typeSection().typeCount());
        assertEquals(FunctionType.of(List.of(chicory(ValType.I32), chicory(ValType.I32)), List.of(chicory(ValType.I32))),
                w.typeSection().getType(0));
        assertEquals(3, w.functionSection().functionCount());
        assertEquals(0, w.functionSection().getFunctionType(0));
        assertEquals(1, w.functionSection().getFunctionType(1));
        assertEquals(0, w.functionSection().getFunctionType(2));
        assertEquals(List.of(chicory(ValType.F64), chicory(ValType.I32)),
                w.codeSection().getFunctionBody(1).localTypes());

        assertEquals(3, w.exportSection().exportCount());
        assertEquals("add", w.exportSection().getExport(0).name());
        assertEquals(ExternalType.FUNCTION, w.exportSection().getExport(0).exportType());
        assertEquals(1, w.exportSection().getExport(1).index());
        assertEquals(ExternalType.MEMORY, w.exportSection().getExport(2).exportType());

        MemoryLimits limits = w.memorySection().orElseThrow().getMemory(0).limits();
        assertEquals(2, limits.initialPages());
        assertEquals(3, limits.maximumPages());

        assertEquals(2, w.dataSection().dataSegmentCount());
        ActiveDataSegment seg = (ActiveDataSegment) w.dataSection().getDataSegment(1);
        assertArrayEquals(new byte[] {7, 8, 9}, seg.data());
        assertEquals(70000, seg.offsetInstructions().get(0).operand(0));
        assertEquals(1, w.globalSection().globalCount());
    }

    @Test
    void memoryWithoutMaximum() {
        WasmModule w = Parser.parse(new ModuleBuilder().memory(1, null).encode().bytes());
        MemoryLimits limits = w.memorySection().orElseThrow().getMemory(0).limits();
        assertEquals(1, limits.initialPages());
        assertEquals(MemoryLimits.defaultLimits().maximumPages(), limits.maximumPages());
    }

    @Test
    void customAndNameSections() {
        WasmModule w = Parser.parse(sample().encode().bytes());
        UnknownCustomSection sig = (UnknownCustomSection) w.customSection("edgec.signature");
        assertEquals("{\"abi\":1}", new String(sig.bytes(), StandardCharsets.UTF_8));
        assertEquals("sample", w.nameSection().moduleName().orElseThrow());
        assertEquals("add", w.nameSection().nameOfFunction(0));
        assertEquals("sum", w.nameSection().nameOfFunction(1));
        assertEquals("add2", w.nameSection().nameOfFunction(2));
    }

    @Test
    void runsInChicory() {
        Instance instance = Instance.builder(Parser.parse(sample().encode().bytes())).build();
        assertEquals(7, instance.export("add").apply(3, 4)[0]);
        assertEquals(Integer.MIN_VALUE, (int) instance.export("add").apply(Integer.MAX_VALUE, 1)[0]);
        long bits = instance.export("sum").apply(3)[0];
        assertEquals(1.5 - 2.25 + 4.0, Double.longBitsToDouble(bits));
        // data segments were copied in at instantiation
        assertArrayEquals(new byte[] {7, 8, 9}, instance.memory().readBytes(70000, 3));
    }

    @Test
    void sectionSizesAddUpToTheModule() {
        EncodedModule e = sample().encode();
        int total = 8 + e.sectionSizes().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(e.bytes().length, total);
        assertTrue(e.sectionSize("custom:name") > 0);
        assertFalse(e.sectionSizes().containsKey("import"));
    }
}
