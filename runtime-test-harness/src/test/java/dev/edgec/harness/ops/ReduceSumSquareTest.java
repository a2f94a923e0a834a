package dev.edgec.harness.ops;

/** ReduceSumSquare against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceSumSquareTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceSumSquare";
    }
}
