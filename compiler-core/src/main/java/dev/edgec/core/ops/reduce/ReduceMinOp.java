package dev.edgec.core.ops.reduce;

import dev.edgec.wasm.Code;

/** ReduceMin (opsets 1-21; axes is an input from opset 18): the smallest element (NaN if any is NaN). */
final class ReduceMinOp extends ReduceOp {
    @Override
    protected float identity() {
        return Float.POSITIVE_INFINITY;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Min();
    }
}
