package dev.edgec.harness.ops;

/** ReduceMin against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceMinTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceMin";
    }
}
