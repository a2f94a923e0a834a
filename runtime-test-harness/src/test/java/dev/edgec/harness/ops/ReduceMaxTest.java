package dev.edgec.harness.ops;

/** ReduceMax against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceMaxTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceMax";
    }
}
