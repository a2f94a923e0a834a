package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.BroadcastLoop;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.FusedActivation;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.pass.InternalAttributes;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.Arrays;
import java.util.List;

/**
 * MatMul (opsets 1-21, all the same semantics): numpy matmul. A 1-D first operand is a row vector
 * and a 1-D second operand a column vector, their added dimension removed from the result; the
 * batch dimensions (all but the last two) broadcast. float32, accumulated in float32. The optimizer
 * may attach a bias of shape [N] (attribute {@code edgec.bias}, added to each result) and an
 * activation ({@link FusedActivation}), both applied before the store.
 */
public final class MatMulOp implements Operator {
    /** The operands seen as batches of matrices: batch shapes, M, K, N and the output shape. */
    public record Geometry(Shape aBatch, Shape bBatch, Shape outBatch, int m, int k, int n, Shape out) {
        /** Multiply-accumulates: each output element is a dot product of length k. */
        public long macs() {
            return (long) out.elementCount() * k;
        }
    }

    public static Geometry geometry(OpContext ctx) {
        return geometry(ctx, ctx.inputType(0).shape(), ctx.inputType(1).shape());
    }

    /** The geometry of {@code a} times {@code b}, for operators whose operands are other inputs (QLinearMatMul). */
    public static Geometry geometry(OpContext ctx, Shape a, Shape b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw ctx.error("operands must have rank 1 or more, got " + a + " and " + b);
        }
        int[] ad = a.dims();
        int[] bd = b.dims();
        boolean aVector = ad.length == 1;
        boolean bVector = bd.length == 1;
        int m = aVector ? 1 : ad[ad.length - 2];
        int ka = ad[ad.length - 1];
        int kb = bVector ? bd[0] : bd[bd.length - 2];
        int n = bVector ? 1 : bd[bd.length - 1];
        if (ka != kb) {
            throw ctx.error("inner dimensions differ: " + a + " times " + b + " (" + ka + " vs " + kb + ")");
        }
        Shape aBatch = Shape.of(Arrays.copyOf(ad, Math.max(0, ad.length - 2)));
        Shape bBatch = Shape.of(Arrays.copyOf(bd, Math.max(0, bd.length - 2)));
        Shape outBatch = ShapeInference.broadcast(List.of(aBatch, bBatch));
        if (outBatch == null) {
            throw ctx.error("batch dimensions of " + a + " and " + b + " do not broadcast");
        }
        int[] ob = outBatch.dims();
        int[] out = Arrays.copyOf(ob, ob.length + (aVector ? 0 : 1) + (bVector ? 0 : 1));
        int at = ob.length;
        if (!aVector) {
            out[at++] = m;
        }
        if (!bVector) {
            out[at] = n;
        }
        return new Geometry(aBatch, bBatch, outBatch, m, ka, n, Shape.of(out));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        ctx.expectType(1, List.of(DataType.FLOAT32));
        Geometry g = geometry(ctx);
        bias(ctx, g);
        FusedActivation.read(ctx);
        return List.of(new TensorType(DataType.FLOAT32, g.out()));
    }

    /** The fused bias, which must be float32 of shape [N], or null. */
    private static Tensor bias(OpContext ctx, Geometry g) {
        Tensor b = ctx.attrs().getTensor(InternalAttributes.BIAS).orElse(null);
        if (b != null && (b.dataType() != DataType.FLOAT32 || !b.shape().equals(Shape.of(g.n())))) {
            throw ctx.error("fused bias must be float32 of shape [" + g.n() + "], got " + b.type());
        }
        return b;
    }

    @Override
    public long macs(OpContext ctx) {
        return geometry(ctx).macs();
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Geometry g = geometry(ctx);
        Tensor bias = bias(ctx, g);
        int biasAddr = bias == null ? -1 : k.constantData(bias);
        FusedActivation activation = FusedActivation.read(ctx);
        int a = k.address(ctx.inputName(0));
        int b = k.address(ctx.inputName(1));
        int y = k.address(ctx.outputName(0));
        int m = g.m();
        int kk = g.k();
        int n = g.n();
        Code c = k.code();
        int aRow = k.newI32();
        int bCol = k.newI32();
        int yPtr = k.newI32();
        int acc = k.newLocal(ValType.F32);
        BroadcastLoop.emit(k, g.outBatch(), List.of(g.aBatch(), g.bBatch()), (idx, o) -> {
            c.localGet(idx[0]).i32Const(m * kk * 4).i32Mul().localSet(aRow);
            c.localGet(o).i32Const(m * n * 4).i32Mul().localSet(yPtr);
            k.forRange(m, row -> {
                c.localGet(idx[1]).i32Const(kk * n * 4).i32Mul().localSet(bCol);
                k.forRange(n, col -> {
                    DotProduct.emit(k, a, aRow, 4, b, bCol, n * 4, kk, acc);
                    c.localGet(yPtr).localGet(acc);
                    if (biasAddr >= 0) {
                        c.localGet(col).i32Const(2).i32Shl().f32Load(biasAddr).f32Add();
                    }
                    activation.emit(k);
                    c.f32Store(y);
                    c.localGet(yPtr).i32Const(4).i32Add().localSet(yPtr);
                    c.localGet(bCol).i32Const(4).i32Add().localSet(bCol);
                });
                c.localGet(aRow).i32Const(kk * 4).i32Add().localSet(aRow);
            });
        });
    }
}
