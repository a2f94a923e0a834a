package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;
import java.util.Optional;

/**
 * ONNX BatchNormalization in inference mode (opsets 6–21, float32):
 * {@code y = x * a[c] + b[c]} with {@code a = scale / sqrt(var + epsilon)} and {@code b = B - mean * a},
 * computed in that order in float32 as ONNX Runtime does. When the four parameters are constants,
 * a and b are folded at compile time into two constant tensors; otherwise each channel computes them.
 */
public final class BatchNormalizationOp implements Operator {

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(5, 5);
        for (int i = 0; i < 5; i++) {
            ctx.expectType(i, List.of(DataType.FLOAT32));
        }
        Shape x = ctx.inputType(0).shape();
        if (x.rank() < 2) {
            throw ctx.error("input X must have rank 2 or more (N, C, ...), got shape " + x);
        }
        String[] names = {"", "scale", "B", "mean", "var"};
        for (int i = 1; i < 5; i++) {
            Shape s = ctx.inputType(i).shape();
            if (s.rank() != 1 || s.dim(0) != x.dim(1)) {
                throw ctx.error("input " + names[i] + " must have shape [" + x.dim(1) + "] (the channels of X " + x + "), got " + s);
            }
        }
        epsilon(ctx);
        ctx.attrs().getFloat("momentum", 0.9f);
        if (ctx.opset() < 7) {
            ctx.attrs().getInt("is_test", 0);
        }
        if (ctx.opset() < 9 && ctx.attrs().getInt("spatial", 1) != 1) {
            throw ctx.unsupported("spatial=0 (per-activation statistics) is not supported");
        }
        if (ctx.opset() >= 14 && ctx.attrs().getInt("training_mode", 0) != 0) {
            throw ctx.unsupported("training_mode=1 is not supported; edgec compiles inference only");
        }
        return List.of(ctx.inputType(0));
    }

    private static float epsilon(OpContext ctx) {
        return ctx.attrs().getFloat("epsilon", 1e-5f);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape x = ctx.inputType(0).shape();
        int n = x.dim(0);
        int channels = x.dim(1);
        int plane = x.elementCount() / Math.max(1, n * channels);
        float eps = epsilon(ctx);
        Code c = k.code();
        int a = k.newLocal(ValType.F32);
        int b = k.newLocal(ValType.F32);
        int p = k.newI32();
        int xAddr = k.address(ctx.inputName(0));
        int yAddr = k.address(ctx.outputName(0));
        Runnable loadParameters = parameterLoader(ctx, k, channels, eps, a, b);
        c.i32Const(0).localSet(p);
        k.forRange(n, unused -> k.forRange(channels, ch -> {
            c.localGet(ch);
            loadParameters.run();
            // x and y have the same layout: one byte offset p indexes both.
            k.forRange(plane, i -> {
                c.localGet(p).localGet(p).f32Load(xAddr).localGet(a).f32Mul().localGet(b).f32Add().f32Store(yAddr);
                Loops.add(c, p, 4);
            });
        }));
    }

    /** Code that consumes a channel index on the stack and sets locals a and b for that channel. */
    private static Runnable parameterLoader(OpContext ctx, KernelWriter k, int channels, float eps, int a, int b) {
        Code c = k.code();
        int ch = k.newI32();
        Optional<Tensor> scale = ctx.constantInput(1);
        Optional<Tensor> bias = ctx.constantInput(2);
        Optional<Tensor> mean = ctx.constantInput(3);
        Optional<Tensor> var = ctx.constantInput(4);
        if (scale.isPresent() && bias.isPresent() && mean.isPresent() && var.isPresent()) {
            float[] s = scale.get().toFloats();
            float[] bb = bias.get().toFloats();
            float[] m = mean.get().toFloats();
            float[] v = var.get().toFloats();
            float[] fa = new float[channels];
            float[] fb = new float[channels];
            for (int i = 0; i < channels; i++) {
                float invStd = 1f / (float) Math.sqrt(v[i] + eps);
                fa[i] = invStd * s[i];
                fb[i] = bb[i] - m[i] * fa[i];
            }
            int aAddr = k.constantData(Tensor.ofFloats(Shape.of(channels), fa));
            int bAddr = k.constantData(Tensor.ofFloats(Shape.of(channels), fb));
            return () -> {
                c.i32Const(2).i32Shl().localTee(ch).f32Load(aAddr).localSet(a);
                c.localGet(ch).f32Load(bAddr).localSet(b);
            };
        }
        int sAddr = k.address(ctx.inputName(1));
        int bAddr = k.address(ctx.inputName(2));
        int mAddr = k.address(ctx.inputName(3));
        int vAddr = k.address(ctx.inputName(4));
        return () -> {
            c.i32Const(2).i32Shl().localSet(ch);
            c.f32Const(1f).localGet(ch).f32Load(vAddr).f32Const(eps).f32Add().f32Sqrt().f32Div();
            c.localGet(ch).f32Load(sAddr).f32Mul().localSet(a);
            c.localGet(ch).f32Load(bAddr).localGet(ch).f32Load(mAddr).localGet(a).f32Mul().f32Sub().localSet(b);
        };
    }
}
