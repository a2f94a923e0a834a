package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX InstanceNormalization (opsets 1–21, float32): each (n, c) plane is normalized over its spatial
 * elements, {@code y = (x - mean) / sqrt(var + epsilon) * scale[c] + B[c]}.
 */
public final class InstanceNormalizationOp implements Operator {

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(3, 3);
        for (int i = 0; i < 3; i++) {
            ctx.expectType(i, List.of(DataType.FLOAT32));
        }
        if (ctx.opset() < 6) {
            ctx.attrs().getInts("consumed_inputs", null);
        }
        ctx.attrs().getFloat("epsilon", 1e-5f);
        Shape x = ctx.inputType(0).shape();
        if (x.rank() < 3) {
            throw ctx.error("input must have rank 3 or more (N, C, D1, ...), got shape " + x);
        }
        for (int i = 1; i < 3; i++) {
            Shape s = ctx.inputType(i).shape();
            if (s.rank() != 1 || s.dim(0) != x.dim(1)) {
                throw ctx.error("input " + (i == 1 ? "scale" : "B") + " must have shape [" + x.dim(1) + "], got " + s);
            }
        }
        return List.of(ctx.inputType(0));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape x = ctx.inputType(0).shape();
        int channels = x.dim(1);
        boolean[] reduced = new boolean[x.rank()];
        Arrays.fill(reduced, 2, x.rank(), true);
        NormalizeKernel kernel = new NormalizeKernel(k, x, reduced);
        int scale = k.address(ctx.inputName(1));
        int bias = k.address(ctx.inputName(2));
        int channel = k.newI32();
        NormalizeKernel.Finish finish = (Code c, int g, int r) -> {
            c.localGet(g).i32Const(channels).i32RemU().i32Const(2).i32Shl().localTee(channel).f32Load(scale).f32Mul();
            c.localGet(channel).f32Load(bias).f32Add();
        };
        kernel.emit(k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                NormalizeKernel.inverseStdDev(ctx.attrs().getFloat("epsilon", 1e-5f)), finish, -1, -1);
    }

    @Override
    public long macs(OpContext ctx) {
        return 2L * ctx.inputType(0).elementCount();
    }
}
