package dev.edgec.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.InvalidModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensors stored beside the model, and the guard that keeps a model inside its folder. */
class ExternalDataTest {
    @TempDir
    Path root;
    Path modelDir;
    Path outside;

    @BeforeEach
    void files() throws IOException {
        modelDir = Files.createDirectory(root.resolve("model"));
        ByteBuffer b = ByteBuffer.allocate(8 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(-1L).putFloat(1.5f).putFloat(-2f).putFloat(3f);
        Files.write(modelDir.resolve("weights.bin"), b.array());
        outside = root.resolve("secret.bin");
        Files.write(outside, b.array());
    }

    private static byte[] model(String location, String offset, String length) {
        TensorProto.Builder p = TensorProto.newBuilder().setName("w").setDataType(1).addDims(3)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        if (offset != null) {
            p.addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(offset));
        }
        if (length != null) {
            p.addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(length));
        }
        OnnxBuilder b = new OnnxBuilder("ext", 13);
        String x = b.input("x", DataType.FLOAT32, 3);
        b.graph().addInitializer(p);
        b.output(b.node("Add", List.of(x, "w")), DataType.FLOAT32);
        return b.toBytes();
    }

    private String rejected(byte[] model) {
        return assertThrows(InvalidModelException.class, () -> Imports.graphInFolder(model, modelDir)).getMessage();
    }

    @Test
    void readsRelativePathAtOffsetAndLength() {
        Graph g = Imports.graphInFolder(model("weights.bin", "8", "12"), modelDir);
        assertArrayEquals(new float[] {1.5f, -2f, 3f}, g.constant("w").orElseThrow().toFloats());
        // length may be omitted; "./" is still inside the folder
        Graph g2 = Imports.graphInFolder(model("./weights.bin", "8", null), modelDir);
        assertArrayEquals(new float[] {1.5f, -2f, 3f}, g2.constant("w").orElseThrow().toFloats());
    }

    @Test
    void compilerReadsExternalDataBesideTheModelFile() throws IOException {
        Path file = modelDir.resolve("m.onnx");
        Files.write(file, model("weights.bin", "8", "12"));
        var result = new dev.edgec.core.Compiler().compile(file, dev.edgec.core.CompileOptions.defaults());
        assertArrayEquals(new float[] {1.5f, -2f, 3f}, result.graph().constant("w").orElseThrow().toFloats());
    }

    @Test
    void escapingTheFolderIsRejected() throws IOException {
        String m = rejected(model("../secret.bin", "8", "12"));
        assertTrue(m.contains("'w'") && m.contains("leaves"), m);
        m = rejected(model(outside.toAbsolutePath().toString(), "8", "12"));
        assertTrue(m.contains("absolute"), m);
        Files.createSymbolicLink(modelDir.resolve("link.bin"), outside);
        m = rejected(model("link.bin", "8", "12"));
        assertTrue(m.contains("outside"), m);
        Files.createSymbolicLink(modelDir.resolve("sub"), root);
        rejected(model("sub/secret.bin", "8", "12"));
    }

    @Test
    void badOffsetsLengthsAndFiles() {
        rejected(model("weights.bin", "12", "12"));   // runs past the end
        rejected(model("weights.bin", "-4", "12"));
        rejected(model("weights.bin", "8", "8"));     // length disagrees with the declared shape
        rejected(model("weights.bin", "eight", "12"));
        rejected(model("missing.bin", "0", "12"));
        rejected(model("", "0", "12"));
        rejected(model(".", "0", "12"));              // a folder, not a file
        rejected(model("a\u0000b", "0", "12"));       // not a path at all
        rejected(model("weights.bin", String.valueOf(Long.MAX_VALUE), "12")); // offset + length overflows
        // bytes not loaded from a folder have no place to read from
        assertThrows(InvalidModelException.class, () -> Imports.graph(model("weights.bin", "8", "12")));
    }
}
