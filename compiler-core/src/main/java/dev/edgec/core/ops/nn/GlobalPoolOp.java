package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * What GlobalAveragePool and GlobalMaxPool share: the mean or maximum of each N x C plane over all
 * spatial dimensions, giving N x C x 1 x ... x 1.
 */
abstract class GlobalPoolOp implements Operator {
    private final PoolKernel.Kind kind;

    GlobalPoolOp(PoolKernel.Kind kind) {
        this.kind = kind;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        Shape x = ctx.inputType(0).shape();
        if (x.rank() < 3) {
            throw ctx.error("input X must have rank 3 or more (N, C, spatial...), got shape " + x);
        }
        int[] dims = new int[x.rank()];
        Arrays.fill(dims, 1);
        dims[0] = x.dim(0);
        dims[1] = x.dim(1);
        return List.of(TensorType.of(DataType.FLOAT32, dims));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape x = ctx.inputType(0).shape();
        int planes = x.dim(0) * x.dim(1);
        if (planes == 0) {
            return; // no batch or no channel: the output is empty too
        }
        int size = x.elementCount() / planes;
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        Code c = k.code();
        int xp = k.newI32();
        int acc = k.newLocal(ValType.F32);
        c.i32Const(in).localSet(xp);
        k.forRange(planes, plane -> {
            c.f32Const(kind == PoolKernel.Kind.MAX ? Float.NEGATIVE_INFINITY : 0f).localSet(acc);
            k.forRange(size, i -> {
                c.localGet(acc).localGet(xp).f32Load(0);
                if (kind == PoolKernel.Kind.MAX) {
                    c.f32Max();
                } else {
                    c.f32Add();
                }
                c.localSet(acc);
                Loops.add(c, xp, 4);
            });
            c.localGet(plane).i32Const(2).i32Shl().localGet(acc);
            if (kind == PoolKernel.Kind.AVERAGE) {
                c.f32Const(size).f32Div();
            }
            c.f32Store(out);
        });
    }
}
