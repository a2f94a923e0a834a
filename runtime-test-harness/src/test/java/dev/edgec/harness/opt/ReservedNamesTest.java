package dev.edgec.harness.opt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user model may not use the names the optimizer reserves for fused nodes. */
class ReservedNamesTest {
    @Test
    void anAttributeInTheReservedNamespaceIsRejected() {
        OnnxBuilder b = new OnnxBuilder("reserved", 13);
        String a = b.input("a", DataType.FLOAT32, 2, 3);
        String w = b.input("w", DataType.FLOAT32, 3, 2);
        b.output(b.node("MatMul", List.of(a, w), "edgec.activation", "Relu"), DataType.FLOAT32);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(b.toBytes(), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("'edgec.activation'") && e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void theReservedDomainIsRejected() {
        OnnxBuilder b = new OnnxBuilder("reserved", 13);
        String a = b.input("a", DataType.FLOAT32, 2, 3);
        b.nodeWithOutputs("Relu", List.of(a), List.of("y")).setDomain("edgec");
        b.output("y", DataType.FLOAT32);
        ModelProto m = b.build().toBuilder()
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("edgec").setVersion(1)).build();
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> new Compiler().compile(m.toByteArray(), CompileOptions.defaults()));
        assertTrue(e.getMessage().contains("domain 'edgec'") && e.getMessage().contains("reserves"), e.getMessage());
    }
}
