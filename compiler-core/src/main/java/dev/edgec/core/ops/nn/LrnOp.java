package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * ONNX LRN (opsets 1–21, float32): {@code y = x / (bias + alpha / size * sum of x² over the channel
 * window)^beta}, the window of channel c being {@code [c - floor((size-1)/2), c + ceil((size-1)/2)]}
 * clipped to the channels. The power is {@code sqrt(s) * sqrt(sqrt(s))} for the common beta 0.75,
 * otherwise {@code exp(beta * log(s))} through the math helpers. Even sizes and ranks other than 4
 * follow the ONNX definition; ONNX Runtime rejects them, so only odd sizes on rank 4 are checked against it.
 */
public final class LrnOp implements Operator {

    private record Params(float alpha, float beta, float bias, int size) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        Shape x = ctx.inputType(0).shape();
        if (x.rank() < 3) {
            throw ctx.error("input must have rank 3 or more (N, C, D1, ...), got shape " + x);
        }
        params(ctx);
        return List.of(ctx.inputType(0));
    }

    private static Params params(OpContext ctx) {
        long size = ctx.attrs().requireInt("size");
        if (size < 1) {
            throw ctx.error("size " + size + " must be 1 or more");
        }
        return new Params(ctx.attrs().getFloat("alpha", 1e-4f), ctx.attrs().getFloat("beta", 0.75f),
                ctx.attrs().getFloat("bias", 1f), (int) size);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Params p = params(ctx);
        Shape x = ctx.inputType(0).shape();
        int n = x.dim(0);
        int channels = x.dim(1);
        int plane = x.elementCount() / Math.max(1, n * channels);
        int before = (p.size() - 1) / 2;
        int after = p.size() - 1 - before;
        int xAddr = k.address(ctx.inputName(0));
        int yAddr = k.address(ctx.outputName(0));
        Code c = k.code();
        int lo = k.newI32();
        int hi = k.newI32();
        int cc = k.newI32();
        int at = k.newI32();
        int sum = k.newLocal(ValType.F32);
        int v = k.newLocal(ValType.F32);
        int s = k.newLocal(ValType.F32);
        float coefficient = p.alpha() / p.size();
        k.forRange(n, b -> k.forRange(channels, ch -> {
            // lo = max(0, ch - before), hi = min(channels, ch + after + 1)
            c.localGet(ch).i32Const(before).i32Sub().i32Const(0).localGet(ch).i32Const(before).i32Sub().i32Const(0)
                    .i32GtS().select().localSet(lo);
            c.localGet(ch).i32Const(after + 1).i32Add().i32Const(channels).localGet(ch).i32Const(after + 1).i32Add()
                    .i32Const(channels).i32LtS().select().localSet(hi);
            k.forRange(plane, q -> {
                c.f32Const(0).localSet(sum);
                c.localGet(lo).localSet(cc);
                c.block().loop();
                c.localGet(cc).localGet(hi).i32GeS().brIf(1);
                c.localGet(b).i32Const(channels).i32Mul().localGet(cc).i32Add().i32Const(plane).i32Mul().localGet(q)
                        .i32Add().i32Const(2).i32Shl().f32Load(xAddr).localTee(v).localGet(v).f32Mul()
                        .localGet(sum).f32Add().localSet(sum);
                c.localGet(cc).i32Const(1).i32Add().localSet(cc).br(0);
                c.end().end();
                c.f32Const(p.bias()).localGet(sum).f32Const(coefficient).f32Mul().f32Add().localSet(s);
                c.localGet(b).i32Const(channels).i32Mul().localGet(ch).i32Add().i32Const(plane).i32Mul().localGet(q)
                        .i32Add().i32Const(2).i32Shl().localTee(at);
                c.localGet(at).f32Load(xAddr);
                power(k, s, p.beta());
                c.f32Div().f32Store(yAddr);
            });
        }));
    }

    /** Pushes {@code s^beta}. */
    private static void power(KernelWriter k, int s, float beta) {
        Code c = k.code();
        if (beta == 0.75f) {
            c.localGet(s).f32Sqrt().localGet(s).f32Sqrt().f32Sqrt().f32Mul();
        } else if (beta == 0.5f) {
            c.localGet(s).f32Sqrt();
        } else if (beta == 1f) {
            c.localGet(s);
        } else {
            c.localGet(s).call(k.mathFunction(MathFunction.LOG_F32)).f32Const(beta).f32Mul()
                    .call(k.mathFunction(MathFunction.EXP_F32));
        }
    }

    @Override
    public long macs(OpContext ctx) {
        return (long) ctx.inputType(0).elementCount() * params(ctx).size();
    }
}
