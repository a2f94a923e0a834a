package dev.edgec.harness.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SoftmaxCrossEntropyLoss against ONNX Runtime; model and input helpers are shared with {@link NegativeLogLikelihoodLossTest}. */
class SoftmaxCrossEntropyLossTest {
    private static final String OP = "SoftmaxCrossEntropyLoss";

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return NegativeLogLikelihoodLossTest.cases();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(int[] dims, boolean weighted, Long ignoreIndex) {
        for (String reduction : NegativeLogLikelihoodLossTest.REDUCTIONS) {
            for (boolean logProb : new boolean[]{false, true}) {
                int opset = logProb ? 13 : 12;
                OpCheck.assertMatchesOrt(
                        NegativeLogLikelihoodLossTest.model(OP, opset, DataType.FLOAT32, DataType.INT64, dims, weighted, reduction,
                                ignoreIndex, logProb),
                        NegativeLogLikelihoodLossTest.inputs(DataType.FLOAT32, DataType.INT64, dims, weighted, ignoreIndex, -8, 8,
                                opset), DataType.FLOAT32);
            }
        }
    }

    @Test
    void int32Labels() {
        int[] dims = {3, 4, 2};
        OpCheck.assertMatchesOrt(
                NegativeLogLikelihoodLossTest.model(OP, 13, DataType.FLOAT32, DataType.INT32, dims, true, "mean", 0L, true),
                NegativeLogLikelihoodLossTest.inputs(DataType.FLOAT32, DataType.INT32, dims, true, 0L, -8, 8, 5), DataType.FLOAT32);
    }

    @Test
    void outOfRangeLabelFailsTheRun() {
        NegativeLogLikelihoodLossTest.assertTargetError(OP, DataType.INT64, 3, null);
        NegativeLogLikelihoodLossTest.assertTargetError(OP, DataType.INT32, -1, 2L);
    }

    @Test
    void meanOfOnlyIgnoredLabelsIsNaNAsInOrt() {
        NegativeLogLikelihoodLossTest.assertAllIgnoredMatchesOrt(OP);
    }

    @Test
    void rejectsBadAttributesAndShapes() {
        NegativeLogLikelihoodLossTest.assertRejected(OP);
    }

    @Test
    void float64() {
        int[] dims = {3, 4, 2};
        for (String reduction : NegativeLogLikelihoodLossTest.REDUCTIONS) {
            OpCheck.assertMatchesOrt(
                    NegativeLogLikelihoodLossTest.model(OP, 13, DataType.FLOAT64, DataType.INT64, dims, true, reduction, 1L, true),
                    NegativeLogLikelihoodLossTest.inputs(DataType.FLOAT64, DataType.INT64, dims, true, 1L, -8, 8, 6),
                    DataType.FLOAT64);
        }
    }

    @Test
    void rejectsFloat16() {
        OpCheck.assertRejected(NegativeLogLikelihoodLossTest.model(OP, 13, DataType.FLOAT16, DataType.INT64, new int[]{2, 3}, false,
                "mean", null, false), dev.edgec.ir.EdgecException.class, OP, "float16");
    }
}
