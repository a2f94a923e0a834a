package dev.edgec.core.ops.reduce;

import dev.edgec.wasm.Code;

/** ReduceMax (opsets 1-21; axes is an input from opset 18): the largest element (NaN if any is NaN). */
final class ReduceMaxOp extends ReduceOp {
    @Override
    protected float identity() {
        return Float.NEGATIVE_INFINITY;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Max();
    }
}
