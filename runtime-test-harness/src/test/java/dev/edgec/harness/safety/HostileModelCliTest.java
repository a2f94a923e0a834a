package dev.edgec.harness.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.edgec.cli.ExitCodes;
import dev.edgec.cli.Main;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile models through {@code edgec compile}: external data that leaves the model's folder, data
 * that disagrees with its declared size, and sizes that overflow or exceed {@code --max-tensor-bytes}
 * or wasm32 memory. Each is one {@code edgec: error:} line with its exit code, quickly (nothing the
 * size of the declared tensor is allocated) and leaves no output file.
 */
class HostileModelCliTest {
    @TempDir
    Path root;
    Path folder;
    Path out;

    @BeforeEach
    void files() throws IOException {
        folder = Files.createDirectory(root.resolve("model"));
        Files.write(root.resolve("secret.bin"), new byte[64]);
        Files.write(folder.resolve("weights.bin"), new byte[64]);
        out = root.resolve("out").resolve("m.wasm");
    }

    private record Result(int code, String err) {
    }

    private Result compile(byte[] model, String... extra) throws IOException {
        Path file = folder.resolve("m.onnx");
        Files.write(file, model);
        List<String> args = new ArrayList<>(List.of("compile", file.toString(), "-o", out.toString()));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Main.run(args.toArray(String[]::new),
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        return new Result(code, err.toString());
    }

    private void expect(int code, String mentions, byte[] model, String... extra) throws IOException {
        Result r = compile(model, extra);
        String[] lines = r.err().split("\\R");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("edgec: error: ") && lines[0].contains(mentions), r.err());
        assertEquals(code, r.code(), r.err());
        assertFalse(Files.exists(out), "an output file was left");
    }

    /** A model adding a float32[n] initializer 'w', described by {@code tensor}, to its input. */
    private static byte[] withWeights(long n, Consumer<TensorProto.Builder> tensor) {
        TensorProto.Builder w = TensorProto.newBuilder().setName("w").setDataType(1).addDims(n);
        tensor.accept(w);
        OnnxBuilder b = new OnnxBuilder("hostile", 13);
        String x = b.input("x", DataType.FLOAT32, n);
        b.graph().addInitializer(w);
        b.output(b.node("Add", List.of(x, "w")), DataType.FLOAT32);
        return b.toBytes();
    }

    private static Consumer<TensorProto.Builder> external(String location) {
        return t -> t.setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
    }

    @Test
    void externalDataOutsideTheModelFolderIsInvalid() throws IOException {
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, external("../secret.bin")));
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, external(root.resolve("secret.bin").toString())));
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, external("sub/../../secret.bin")));
        Files.createSymbolicLink(folder.resolve("link.bin"), root.resolve("secret.bin"));
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, external("link.bin")));
        Files.createSymbolicLink(folder.resolve("up"), root);
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, external("up/secret.bin")));
        // the same file inside the folder compiles
        assertEquals(ExitCodes.SUCCESS, compile(withWeights(4, external("weights.bin"))).code());
    }

    @Test
    void dataThatDisagreesWithTheDeclaredSizeIsInvalid() throws IOException {
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, t -> t.setRawData(ByteString.copyFrom(new byte[15]))));
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, t -> t.setRawData(ByteString.copyFrom(new byte[17]))));
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, t -> t.addFloatData(1f)));
        expect(ExitCodes.INVALID_MODEL, "'w'", withWeights(4, external("weights.bin").andThen(t -> t.addExternalData(
                StringStringEntryProto.newBuilder().setKey("length").setValue("8")))));
    }

    @Test
    void sizesOverTheLimitFailBeforeAllocation() throws IOException {
        // 2^31 floats (8 GiB) declared with 16 bytes of data: over the default 1 GiB limit
        expect(ExitCodes.LIMIT_EXCEEDED, "'w'", withWeights(1L << 31, t -> t.setRawData(ByteString.copyFrom(new byte[16]))));
        // dims whose product overflows 64 bits
        expect(ExitCodes.LIMIT_EXCEEDED, "'w'", withWeights(4, t -> t.clearDims().addDims(1L << 40).addDims(1L << 40)));
        // a small tensor over a small --max-tensor-bytes
        expect(ExitCodes.LIMIT_EXCEEDED, "64", withWeights(32, t -> t.setRawData(ByteString.copyFrom(new byte[128]))),
                "--max-tensor-bytes", "64");
        // a tensor attribute (Constant) counts too
        OnnxBuilder b = new OnnxBuilder("big_constant", 13);
        String c = b.node("Constant", List.of(), "value", Tensor.ofFloats(Shape.of(64), new float[64]));
        b.output(c, DataType.FLOAT32);
        expect(ExitCodes.LIMIT_EXCEEDED, "64", b.toBytes(), "--max-tensor-bytes", "64");
    }

    @Test
    void activationsOverWasm32MemoryAreLimitExceeded() throws IOException {
        OnnxBuilder b = new OnnxBuilder("huge_input", 13);
        String x = b.input("x", DataType.FLOAT32, 1 << 16, 1 << 16);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        expect(ExitCodes.LIMIT_EXCEEDED, "", b.toBytes());
        OnnxBuilder n = new OnnxBuilder("negative_input", 13);
        String y = n.input("x", DataType.FLOAT32, 2, -3);
        n.output(n.node("Relu", List.of(y)), DataType.FLOAT32);
        expect(ExitCodes.INVALID_MODEL, "", n.toBytes());
    }
}
