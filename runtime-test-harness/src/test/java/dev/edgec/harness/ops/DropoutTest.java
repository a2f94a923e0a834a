package dev.edgec.harness.ops;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropoutTest {
    @ParameterizedTest
    @ValueSource(ints = {7, 10, 12, 13, 21})
    void outputIsInputAndMaskIsTrue(int opset) {
        for (DataType t : List.of(DataType.FLOAT32, DataType.FLOAT64)) {
            OnnxBuilder b = new OnnxBuilder("dropout", opset);
            String x = b.input("x", t, 2, 5, 3);
            DataType maskType = opset >= 10 ? DataType.BOOL : t;
            if (opset >= 12) {
                String ratio = b.initializer("ratio", Tensor.ofFloats(Shape.scalar(), 0.3f));
                String training = b.initializer("training", Tensor.ofLongs(DataType.BOOL, Shape.scalar(), 0));
                b.nodeWithOutputs("Dropout", List.of(x, ratio, training), List.of("y", "mask"), "seed", 3L);
            } else {
                b.nodeWithOutputs("Dropout", List.of(x), List.of("y", "mask"), "ratio", 0.25f);
            }
            b.output("y", t).output("mask", maskType);
            OpCheck.assertMatchesOrt(b.toBytes(), t);
        }
    }

    @Test
    void withoutMask() {
        OnnxBuilder b = new OnnxBuilder("dropout", 13);
        String x = b.input("x", DataType.FLOAT32, 4, 4);
        b.output(b.node("Dropout", List.of(x)), DataType.FLOAT32);
        OpCheck.assertMatchesOrt(b.toBytes(), DataType.FLOAT32);
    }

    @Test
    void rejectsTrainingMode() {
        OnnxBuilder b = new OnnxBuilder("dropout", 13);
        String x = b.input("x", DataType.FLOAT32, 4);
        String training = b.initializer("training", Tensor.ofLongs(DataType.BOOL, Shape.scalar(), 1));
        b.output(b.node("Dropout", List.of(x, "", training)), DataType.FLOAT32);
        OpCheck.assertRejected(b.toBytes(), UnsupportedModelException.class, "Dropout", "training_mode");
    }
}
