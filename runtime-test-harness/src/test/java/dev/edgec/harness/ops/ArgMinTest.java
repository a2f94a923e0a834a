package dev.edgec.harness.ops;

/** ArgMin against ONNX Runtime over the cases of {@link ArgExtremeTestBase}. */
class ArgMinTest extends ArgExtremeTestBase {
    @Override
    String op() {
        return "ArgMin";
    }
}
