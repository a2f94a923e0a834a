package dev.edgec.harness.ops;

/** ReduceL2 against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceL2Test extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceL2";
    }
}
