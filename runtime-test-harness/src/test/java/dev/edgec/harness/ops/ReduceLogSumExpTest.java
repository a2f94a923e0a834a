package dev.edgec.harness.ops;

/** ReduceLogSumExp against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceLogSumExpTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceLogSumExp";
    }
}
