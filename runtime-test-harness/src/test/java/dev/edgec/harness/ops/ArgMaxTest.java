package dev.edgec.harness.ops;

/** ArgMax against ONNX Runtime over the cases of {@link ArgExtremeTestBase}. */
class ArgMaxTest extends ArgExtremeTestBase {
    @Override
    String op() {
        return "ArgMax";
    }
}
