package dev.edgec.harness.ops;

/** ReduceProd against ONNX Runtime over the cases of {@link ReduceOpTestBase}. */
class ReduceProdTest extends ReduceOpTestBase {
    @Override
    String op() {
        return "ReduceProd";
    }
}
