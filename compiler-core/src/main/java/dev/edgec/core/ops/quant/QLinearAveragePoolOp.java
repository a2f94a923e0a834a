package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * {@code edgec.QLinearAveragePool(x, x_scale, x_zero_point, y_scale, y_zero_point)} on an NCHW
 * tensor: attributes {@code kernel_shape}, {@code strides}, {@code pads} (as AveragePool; floor
 * rounding of the output size) or {@code global = 1} (GlobalAveragePool). Each window's sum of
 * {@code x − x_zp} is an i32; the division by the window size and the change of scale are one
 * fixed-point multiplier {@code x_scale / (y_scale · size)}, rounded half to even. Padding counts in
 * the size (count_include_pad); the integer-only rewrite only makes this op when that is what the
 * AveragePool meant (no padding, or count_include_pad = 1). Every parameter is a constant.
 */
final class QLinearAveragePoolOp implements Operator {
    private record Plan(QuantOperand x, QuantOperand y, int[] kernel, int[] strides, int[] pads, Shape in, Shape out) {
        int size() {
            return kernel[0] * kernel[1];
        }
    }

    private static Plan plan(OpContext ctx) {
        QuantOperand.Unary xy = QuantOperand.unary(ctx);
        QuantOperand x = xy.x();
        QuantOperand y = xy.y();
        Shape in = ctx.inputType(0).shape();
        if (in.rank() != 4) {
            throw ctx.unsupported("integer average pooling takes a 4-D NCHW tensor, got " + in);
        }
        boolean global = ctx.attrs().getInt("global", 0) != 0;
        int[] kernel = ctx.attrs().getIntsAsInt("kernel_shape", new int[] {in.dim(2), in.dim(3)});
        int[] strides = ctx.attrs().getIntsAsInt("strides", new int[] {1, 1});
        int[] pads = ctx.attrs().getIntsAsInt("pads", new int[] {0, 0, 0, 0});
        if (global) {
            kernel = new int[] {in.dim(2), in.dim(3)};
        }
        if (kernel.length != 2 || strides.length != 2 || pads.length != 4 || kernel[0] < 1 || kernel[1] < 1
                || strides[0] < 1 || strides[1] < 1) {
            throw ctx.error("kernel_shape, strides and pads must have 2, 2 and 4 positive values");
        }
        int oh = (in.dim(2) + pads[0] + pads[2] - kernel[0]) / strides[0] + 1;
        int ow = (in.dim(3) + pads[1] + pads[3] - kernel[1]) / strides[1] + 1;
        if (oh < 1 || ow < 1) {
            throw ctx.error("the window " + kernel[0] + "x" + kernel[1] + " does not fit the padded input " + in);
        }
        return new Plan(x, y, kernel, strides, pads, in, Shape.of(in.dim(0), in.dim(1), oh, ow));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(p.y().type(), p.out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        FixedPointCode.Multipliers m = FixedPointCode.multipliers(ctx, "x_scale / (y_scale * window size)",
                p.x().scale() / (p.y().scale() * p.size()));
        Code c = k.code();
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int h = p.in().dim(2);
        int w = p.in().dim(3);
        int oh = p.out().dim(2);
        int ow = p.out().dim(3);
        boolean padded = p.pads()[0] + p.pads()[1] + p.pads()[2] + p.pads()[3] > 0;
        int acc = k.newI32();
        int iy = k.newI32();
        int ix = k.newI32();
        int o = k.newI32();
        FixedPointCode fixed = new FixedPointCode(k);
        c.i32Const(0).localSet(o);
        k.forRange(p.in().dim(0) * p.in().dim(1), plane -> k.forRange(oh, y -> k.forRange(ow, x -> {
            c.i32Const(0).localSet(acc);
            k.forRange(p.kernel()[0], ky -> k.forRange(p.kernel()[1], kx -> {
                // iy = y * sy - padTop + ky; ix likewise
                c.localGet(y).i32Const(p.strides()[0]).i32Mul().localGet(ky).i32Add().i32Const(p.pads()[0]).i32Sub()
                        .localSet(iy);
                c.localGet(x).i32Const(p.strides()[1]).i32Mul().localGet(kx).i32Add().i32Const(p.pads()[1]).i32Sub()
                        .localSet(ix);
                if (padded) {
                    // unsigned compares also reject negative indices; padding adds x_zp, i.e. 0
                    c.localGet(iy).i32Const(h).i32LtU().localGet(ix).i32Const(w).i32LtU().i32And();
                    c.if_();
                }
                c.localGet(acc);
                c.localGet(plane).i32Const(h).i32Mul().localGet(iy).i32Add().i32Const(w).i32Mul().localGet(ix).i32Add();
                k.load(p.x().type(), in);
                c.i32Const((int) p.x().zeroPoint()).i32Sub().i32Add().localSet(acc);
                if (padded) {
                    c.end();
                }
            }));
            c.localGet(o);
            c.localGet(acc).i64ExtendI32S().i64Const(m.m0()[0]).i64Mul();
            fixed.roundShift(m.shift());
            fixed.addZeroPointAndSaturate(p.y().zeroPoint(), p.y().range());
            k.store(p.y().type(), out);
            c.localGet(o).i32Const(1).i32Add().localSet(o);
        })));
    }

    @Override
    public long macs(OpContext ctx) {
        Plan p = plan(ctx);
        return (long) p.out().elementCount() * p.size();
    }
}
