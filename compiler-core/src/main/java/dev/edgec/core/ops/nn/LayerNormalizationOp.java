package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX LayerNormalization (opset 17+, float32): normalizes over the axes {@code [axis, rank)},
 * {@code y = (x - mean) * invStdDev * scale + B} with {@code invStdDev = 1 / sqrt(var + epsilon)}.
 * Scale and B have the normalized shape (leading ones allowed). The optional Mean and InvStdDev
 * outputs have shape {@code X.shape[:axis] + [1] * (rank - axis)}; stash_type must be 1 (float32).
 */
public final class LayerNormalizationOp implements Operator {

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        ctx.expectType(1, List.of(DataType.FLOAT32));
        Shape x = ctx.inputType(0).shape();
        int axis = axis(ctx);
        ctx.attrs().getFloat("epsilon", 1e-5f);
        long stash = ctx.attrs().getInt("stash_type", 1);
        if (stash != 1) {
            throw ctx.unsupported("stash_type " + stash + " is not supported (only 1, float32)");
        }
        int normalized = Arrays.stream(x.dims(), axis, x.rank()).reduce(1, (a, b) -> a * b);
        checkParameter(ctx, 1, "Scale", x, axis, normalized);
        if (ctx.hasInput(2)) {
            ctx.expectType(2, List.of(DataType.FLOAT32));
            checkParameter(ctx, 2, "B", x, axis, normalized);
        }
        if (ctx.outputCount() > 3) {
            throw ctx.error("has at most 3 outputs (Y, Mean, InvStdDev), got " + ctx.outputCount());
        }
        List<TensorType> out = new ArrayList<>(List.of(ctx.inputType(0)));
        int[] stat = x.dims();
        for (int a = axis; a < stat.length; a++) {
            stat[a] = 1;
        }
        for (int i = 1; i < ctx.outputCount(); i++) {
            out.add(new TensorType(DataType.FLOAT32, Shape.of(stat)));
        }
        return out;
    }

    private static int axis(OpContext ctx) {
        return AxisAttribute.read(ctx, "axis", -1);
    }

    /** Scale and B must have the normalized dims X.shape[axis:], possibly with fewer leading ones. */
    private static void checkParameter(OpContext ctx, int i, String name, Shape x, int axis, int normalized) {
        Shape s = ctx.inputType(i).shape();
        int[] want = Arrays.copyOfRange(x.dims(), axis, x.rank());
        int[] got = s.dims();
        int skip = 0;
        while (skip < got.length && got.length - skip > want.length && got[skip] == 1) {
            skip++;
        }
        int[] gotTail = Arrays.copyOfRange(got, skip, got.length);
        int lead = 0;
        while (lead < want.length && want.length - lead > gotTail.length && want[lead] == 1) {
            lead++;
        }
        if (!Arrays.equals(gotTail, Arrays.copyOfRange(want, lead, want.length)) || s.elementCount() != normalized) {
            throw ctx.unsupported("input " + name + " must have the normalized shape " + Arrays.toString(want)
                    + " of X " + x + " (axis " + axis + "); got " + s + " (other broadcasts are not supported)");
        }
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape x = ctx.inputType(0).shape();
        int axis = axis(ctx);
        boolean[] reduced = new boolean[x.rank()];
        Arrays.fill(reduced, axis, x.rank(), true);
        NormalizeKernel kernel = new NormalizeKernel(k, x, reduced);
        int scale = k.address(ctx.inputName(1));
        int bias = ctx.hasInput(2) ? k.address(ctx.inputName(2)) : -1;
        NormalizeKernel.Finish finish = (Code c, int g, int r) -> {
            c.localGet(r).i32Const(2).i32Shl().f32Load(scale).f32Mul();
            if (bias >= 0) {
                c.localGet(r).i32Const(2).i32Shl().f32Load(bias).f32Add();
            }
        };
        int meanOut = output(ctx, k, 1);
        int invOut = output(ctx, k, 2);
        kernel.emit(k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                NormalizeKernel.inverseStdDev(ctx.attrs().getFloat("epsilon", 1e-5f)), finish, meanOut, invOut);
    }

    private static int output(OpContext ctx, KernelWriter k, int i) {
        return ctx.outputCount() > i && !ctx.outputName(i).isEmpty() ? k.address(ctx.outputName(i)) : -1;
    }

    @Override
    public long macs(OpContext ctx) {
        return 2L * ctx.inputType(0).elementCount();
    }
}
