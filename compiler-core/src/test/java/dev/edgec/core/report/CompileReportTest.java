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

    /**
     * A node is charged the constant bytes placed while lowering it, its kernel's own tables included
     * (a QLinearConv's per-channel multipliers), and not the constant inputs it never reads (the
     * weight scales it folded into those multipliers): the rows add up to the total.
     */
    @Test
    void nodeWeightBytesAreWhatItsKernelPlaced() {
        OnnxBuilder b = new OnnxBuilder("qconv", 13);
        String x = b.input("x", DataType.UINT8, 1, 2, 5, 5);
        long[] w = new long[4 * 2 * 3 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 7 - 3;
        }
        String y = b.node("QLinearConv", List.of(x, b.initializer("xs", Tensor.ofFloats(Shape.scalar(), 0.05f)),
                b.initializer("xz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 7)),
                b.initializer("w", Tensor.ofLongs(DataType.INT8, Shape.of(4, 2, 3, 3), w)),
                b.initializer("ws", Tensor.ofFloats(Shape.of(4), 0.01f, 0.02f, 0.03f, 0.04f)),
                b.initializer("wz", Tensor.ofLongs(DataType.INT8, Shape.of(4), 0, 0, 0, 0)),
                // a small y scale: outputs can leave the requantizer's saturation table, which is then not placed
                b.initializer("ys", Tensor.ofFloats(Shape.scalar(), 0.001f)),
                b.initializer("yz", Tensor.ofLongs(DataType.UINT8, Shape.scalar(), 128))));
        b.output(y, DataType.UINT8);
        CompileResult r = COMPILER.compile(b.toBytes(), CompileOptions.defaults());
        CompileReport report = CompileReport.of(r, COMPILER.registry());
        assertEquals(report.weightBytes(), report.nodes().stream().mapToLong(NodeReport::weightBytes).sum());
        long conv = report.nodes().get(0).weightBytes();
        // 72 weight bytes; per filter an i32 multiplier, a u8 shift and an i32 x_zp · Σw
        assertTrue(conv >= 72 + 4 * 9 && conv < 72 + 4 * 9 + 4 * 16, "QLinearConv weight bytes " + conv);
        assertTrue(!r.assembled().addresses().containsKey("ws") && !r.assembled().addresses().containsKey("wz"),
                "constant weight scales and zero points are not placed");
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
