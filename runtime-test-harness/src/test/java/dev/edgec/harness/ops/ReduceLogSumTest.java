package dev.edgec.harness.ops;

/** ReduceLogSum against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceLogSumTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceLogSum";
    }

    @Override
    double[] inputRange() {
        return new double[] {0.05, 1};
    }
}
