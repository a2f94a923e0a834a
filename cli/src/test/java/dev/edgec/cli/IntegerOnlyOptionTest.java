package dev.edgec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.SectionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --integer-only}: the option's errors, and running and inspecting an integer-only module. */
class IntegerOnlyOptionTest {
    @TempDir
    Path dir;

    Path model;
    Path out;

    @BeforeEach
    void writeModel() {
        model = TestModels.write(dir, "gemm_relu.onnx", QuantizeOptionsTest.gemmRelu());
        out = dir.resolve("out.wasm");
    }

    @Test
    void integerOnlyOnAFloatModelWithoutQuantizeIsAUsageError() {
        Cli.Result r = Cli.run("compile", model.toString(), "-o", out.toString(), "--integer-only");
        assertEquals(ExitCodes.USAGE, r.code(), r.toString());
        assertTrue(r.singleErrorLine().contains("--integer-only needs a quantized model"), r.singleErrorLine());
        assertTrue(r.singleErrorLine().contains("--quantize int8"), r.singleErrorLine());
        assertTrue(Files.notExists(out));
    }

    @Test
    void quantizedIntegerOnlyModuleRunsAndShowsItsScales() throws IOException {
        Path qdq = dir.resolve("q.onnx");
        Cli.Result c = Cli.run("compile", model.toString(), "-o", out.toString(), "--quantize", "int8", "--calibration",
                "random:4", "--integer-only", "--save-quantized-onnx", qdq.toString());
        assertEquals(ExitCodes.SUCCESS, c.code(), c.toString());
        assertTrue(c.out().contains("int8 post-training quantization") && c.out().contains("max abs error"), c.out());
        ModuleSignature sig = ModuleSignature.parse(SectionReader.customSection(Files.readAllBytes(out),
                ModuleSignature.SECTION_NAME).orElseThrow());
        TensorSpec in = sig.inputs().get(0);
        TensorSpec y = sig.outputs().get(0);
        assertEquals(DataType.INT8, in.dtype());
        assertEquals(DataType.INT8, y.dtype());
        assertTrue(in.scale() > 0 && y.scale() > 0, sig.toJson());
        assertEquals(-128L, y.zeroPoint(), "the output follows a Relu: its range starts at 0");
        assertEquals("true", sig.options().get("integer_only"));

        Cli.Result run = Cli.run("run", out.toString(), "--random");
        assertEquals(ExitCodes.SUCCESS, run.code(), run.toString());
        assertTrue(run.out().contains("output '" + y.name() + "': int8[1x3]"), run.out());

        Cli.Result inspect = Cli.run("inspect", out.toString());
        assertEquals(ExitCodes.SUCCESS, inspect.code(), inspect.toString());
        assertTrue(inspect.out().contains("x: int8 [1, 4]  scale "), inspect.out());
        assertTrue(inspect.out().contains("zero_point -128"), inspect.out());

        // the saved QDQ model is already quantized: --integer-only alone compiles it to the same module
        Path again = dir.resolve("again.wasm");
        Cli.Result c2 = Cli.run("compile", qdq.toString(), "-o", again.toString(), "--integer-only");
        assertEquals(ExitCodes.SUCCESS, c2.code(), c2.toString());
        ModuleSignature sig2 = ModuleSignature.parse(SectionReader.customSection(Files.readAllBytes(again),
                ModuleSignature.SECTION_NAME).orElseThrow());
        assertEquals(sig.inputs(), sig2.inputs());
        assertEquals(sig.outputs(), sig2.outputs());
    }

    @Test
    void anOperatorWithoutIntegerKernelIsAnUnsupportedModelNamingIt() {
        OnnxBuilder b = new OnnxBuilder("gemm_sigmoid", 13);
        String x = b.input("x", DataType.FLOAT32, 1, 4);
        String g = b.node("Gemm", List.of(x, b.initializer("w", Tensor.ofFloats(Shape.of(3, 4), new float[] {
            0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f, 0.7f, -0.8f, 0.9f, 1.0f, -1.1f, 1.2f}))), "transB", 1L);
        // the Sigmoid has an integer kernel (a lookup table), a ReduceMean has none
        String gate = b.node("Sigmoid", List.of(g));
        b.graph().addNodeBuilder().setOpType("ReduceMean").setName("pool").addInput(gate).addOutput("y")
                .addAttribute(OnnxBuilder.attribute("axes", new long[] {1}));
        b.output("y", DataType.FLOAT32, 1, 1);
        Path m = TestModels.write(dir, "gemm_sigmoid.onnx", b.toBytes());
        Cli.Result r = Cli.run("compile", m.toString(), "-o", out.toString(), "--quantize", "int8", "--calibration",
                "random:2", "--integer-only");
        assertEquals(ExitCodes.UNSUPPORTED_MODEL, r.code(), r.toString());
        assertTrue(r.singleErrorLine().contains("ReduceMean 'pool'"), r.singleErrorLine());
        assertTrue(r.singleErrorLine().contains("no integer kernel"), r.singleErrorLine());
        assertTrue(Files.notExists(out));
    }
}
