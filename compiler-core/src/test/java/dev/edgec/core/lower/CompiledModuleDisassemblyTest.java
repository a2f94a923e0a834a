package dev.edgec.core.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Disassembler;
import dev.edgec.wasm.Opcode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Compiled modules read back through the disassembler; integer models use no float instruction. */
class CompiledModuleDisassemblyTest {
    private static byte[] addRelu(DataType t, boolean relu) {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        String x = b.input("x", t, 2, 3);
        String y = b.input("y", t, 3);
        String s = b.node("Add", List.of(x, y));
        b.output(relu ? b.node("Relu", List.of(s)) : s, t);
        return new Compiler().compile(b.toBytes(), CompileOptions.defaults()).moduleBytes();
    }

    private static Set<Opcode> opcodes(byte[] wasm) {
        List<Disassembler.Function> fs = Disassembler.functions(wasm);
        assertTrue(fs.size() >= 4, "input_ptr, output_ptr, run and kernels");
        for (Disassembler.Function f : fs) {
            assertEquals(Opcode.END, f.body().get(f.body().size() - 1).opcode());
        }
        return fs.stream().flatMap(f -> f.body().stream()).map(Disassembler.Instruction::opcode).collect(Collectors.toSet());
    }

    private static boolean isFloat(Opcode op) {
        return op.text().contains("f32") || op.text().contains("f64");
    }

    @Test
    void floatModelDecodes() {
        Set<Opcode> ops = opcodes(addRelu(DataType.FLOAT32, true));
        assertTrue(ops.contains(Opcode.F32_ADD), ops.toString());
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"INT8", "UINT8", "INT16", "UINT16", "INT32", "UINT32", "INT64", "UINT64"})
    void integerModelsHaveNoFloatInstruction(DataType t) {
        Set<Opcode> ops = opcodes(addRelu(t, false));
        assertTrue(ops.stream().noneMatch(CompiledModuleDisassemblyTest::isFloat), ops.toString());
    }

    @Test
    void int8AdditionWraps() {
        ChicoryModule m = new ChicoryModule(addRelu(DataType.INT8, false));
        m.inputBytes(0, (byte) 127, (byte) -128, (byte) 5, (byte) 0, (byte) -1, (byte) 100);
        m.inputBytes(1, (byte) 1, (byte) -1, (byte) 5);
        assertEquals(0, m.run());
        assertArrayEquals(new byte[] {-128, 127, 10, 1, -2, 105}, m.outputBytes(0, 6));
    }
}
