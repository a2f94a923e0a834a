package dev.edgec.harness.ops;

/** Min against ONNX Runtime. */
class MinTest extends VariadicOpTest.Extremum {
    MinTest() {
        super("Min");
    }
}
