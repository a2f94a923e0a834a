package dev.edgec.core.ops.reduce;

import dev.edgec.wasm.Code;

/** ReduceSum (opsets 1-21; axes is an input from opset 13): the sum of the elements. */
final class ReduceSumOp extends ReduceOp {
    @Override
    protected float identity() {
        return 0f;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Add();
    }

    @Override
    protected int axesInputSince() {
        return 13;
    }
}
