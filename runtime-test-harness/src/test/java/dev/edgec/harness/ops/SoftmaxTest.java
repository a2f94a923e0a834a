package dev.edgec.harness.ops;

/** Softmax against ONNX Runtime over the cases of {@link SoftmaxTestBase}. */
class SoftmaxTest extends SoftmaxTestBase {
    @Override
    String op() {
        return "Softmax";
    }
}
