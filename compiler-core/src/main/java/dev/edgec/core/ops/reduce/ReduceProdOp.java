package dev.edgec.core.ops.reduce;

import dev.edgec.wasm.Code;

/** ReduceProd (opsets 1-21; axes is an input from opset 18): the product of the elements. */
final class ReduceProdOp extends ReduceOp {
    @Override
    protected float identity() {
        return 1f;
    }

    @Override
    protected void emitCombine(Code c) {
        c.f32Mul();
    }
}
