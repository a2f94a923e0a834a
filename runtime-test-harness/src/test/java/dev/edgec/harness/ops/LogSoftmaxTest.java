package dev.edgec.harness.ops;

/** LogSoftmax against ONNX Runtime over the cases of {@link SoftmaxTestBase}. */
class LogSoftmaxTest extends SoftmaxTestBase {
    @Override
    String op() {
        return "LogSoftmax";
    }
}
