package dev.edgec.harness.ops;

/** ReduceSum against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceSumTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceSum";
    }

    @Override
    int axesInputSince() {
        return 13;
    }
}
