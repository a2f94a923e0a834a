package dev.edgec.harness.ops;

/** ReduceL1 against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceL1Test extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceL1";
    }
}
