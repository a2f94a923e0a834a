package dev.edgec.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.SectionReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompileReportTest {
    private static final Compiler COMPILER = new Compiler();

    private static CompileResult compileSmallModel() {
        OnnxBuilder b = new OnnxBuilder("report", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 64);
        float[] w = new float[64];
        for (int i = 0; i < w.length; i++) {
            w[i] = i * 0.5f - 3;
        }
        String bias = b.initializer("bias", Tensor.ofFloats(Shape.of(64), w));
        String y = b.node("Relu", List.of(b.node("Add", List.of(x, bias))));
        b.output(y, DataType.FLOAT32);
        return COMPILER.compile(b.toBytes(), CompileOptions.defaults());
    }

    private static int sectionBytes(byte[] wasm, String name) {
        return SectionReader.sections(wasm).stream().filter(s -> s.name().equals(name))
                .mapToInt(SectionReader.Section::totalBytes).sum();
    }

    @Test
    void totalsAreTheEmittedModulesOwnNumbers() {
        CompileResult r = compileSmallModel();
        CompileReport report = CompileReport.of(r, COMPILER.registry());
        byte[] wasm = r.moduleBytes();
        assertEquals(wasm.length, report.moduleBytes());
        assertEquals(sectionBytes(wasm, "code"), report.codeBytes());
        assertEquals(sectionBytes(wasm, "data"), report.dataBytes());
        assertEquals(sectionBytes(wasm, "edgec.signature") + sectionBytes(wasm, "name"), report.customBytes());
        Instance instance = Instance.builder(Parser.parse(wasm)).build();
        assertEquals(instance.memory().pages(), report.memoryPages());
        assertEquals(64 * 4, report.weightBytes(), "the bias is the only constant the kernels read");
    }

    @Test
    void nodeRowsAddUpToTheCodeSection() {
        CompileReport report = CompileReport.of(compileSmallModel(), COMPILER.registry());
        assertEquals(List.of("Add", "Relu"), report.nodes().stream().map(NodeReport::opType).toList());
        int kernels = report.nodes().stream().mapToInt(NodeReport::codeBytes).sum();
        assertTrue(kernels > 0 && kernels < report.codeBytes(), "kernels " + kernels + " of " + report.codeBytes());
        assertEquals(64 * 4, report.nodes().get(0).weightBytes());
        assertTrue(report.arenaPeak() >= report.arenaLowerBound());
    }

    @Test
    void macsCountTheMultiplyAccumulatesOfConvGemmAndMatMul() {
        OnnxBuilder b = new OnnxBuilder("macs", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 4, 9, 9);
        String w = b.initializer("w", Tensor.ofFloats(Shape.of(6, 2, 3, 3), new float[6 * 2 * 3 * 3]));
        // grouped, strided, padded: output 1x6x5x5, each element a 2x3x3 window
        String conv = b.node("Conv", List.of(x, w), "group", 2L, "strides", new long[] {2, 2},
                "pads", new long[] {1, 1, 1, 1});
        String flat = b.node("Flatten", List.of(conv));
        String g = b.initializer("g", Tensor.ofFloats(Shape.of(150, 7), new float[150 * 7]));
        String gemm = b.node("Gemm", List.of(flat, g));
        String m = b.initializer("m", Tensor.ofFloats(Shape.of(7, 3), new float[7 * 3]));
        String y = b.node("MatMul", List.of(gemm, m));
        b.output(y, DataType.FLOAT32);
        CompileReport report = CompileReport.of(COMPILER.compile(b.toBytes(), CompileOptions.defaults()),
                COMPILER.registry());
        long convMacs = 6L * 5 * 5 * (2 * 3 * 3);
        long gemmMacs = 150L * 7;
        long matMulMacs = 7L * 3;
        assertEquals(List.of(convMacs, 0L, gemmMacs, matMulMacs),
                report.nodes().stream().map(NodeReport::macs).toList());
        assertEquals(convMacs + gemmMacs + matMulMacs, report.totalMacs());
    }

    @Test
    void budgetsFailWithTheirOwnErrorKind() {
        CompileReport report = CompileReport.of(compileSmallModel(), COMPILER.registry());
        BudgetExceededException e = assertThrows(BudgetExceededException.class,
                () -> new Budget((long) report.moduleBytes() - 1, null).check(report));
        assertTrue(e.getMessage().contains("--max-module-size"), e.getMessage());
        assertThrows(BudgetExceededException.class, () -> new Budget(null, 65535L).check(report));
        new Budget((long) report.moduleBytes(), report.memoryBytes()).check(report);
    }
}
