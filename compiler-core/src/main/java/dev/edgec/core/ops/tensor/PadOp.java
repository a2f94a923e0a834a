package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.Arrays;
import java.util.List;

/**
 * Pad (opset 2+), modes constant, reflect and edge. Pads are an attribute before opset 11 and a
 * constant input from 11 (with an optional constant_value input, which may be computed at run time,
 * and from opset 18 an optional constant axes input). Negative pads crop.
 */
final class PadOp implements Operator {
    private enum Mode { CONSTANT, REFLECT, EDGE }

    /** Everything inference decides, reused by lowering. */
    private record Plan(Mode mode, long[] begin, long[] end, double value, Tensor valueTensor) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        TensorType in = ctx.inputType(0);
        Plan p = plan(ctx);
        int rank = in.shape().rank();
        long[] out = new long[rank];
        for (int d = 0; d < rank; d++) {
            out[d] = in.shape().dim(d) + p.begin[d] + p.end[d];
            if (out[d] < 0) {
                throw ctx.error("pads " + Arrays.toString(p.begin) + "/" + Arrays.toString(p.end)
                        + " crop more than the " + in.shape().dim(d) + " elements of axis " + d);
            }
            boolean padded = p.begin[d] > 0 || p.end[d] > 0;
            if (padded && p.mode != Mode.CONSTANT && in.shape().dim(d) == 0) {
                throw ctx.error(p.mode.name().toLowerCase() + " padding of the empty axis " + d);
            }
            if (p.mode == Mode.REFLECT && (p.begin[d] >= in.shape().dim(d) || p.end[d] >= in.shape().dim(d))
                    && padded) {
                throw ctx.error("reflect pads on axis " + d + " must be smaller than its size " + in.shape().dim(d));
            }
        }
        return List.of(new TensorType(in.dataType(), Shape.ofLongs(out)));
    }

    private static Plan plan(OpContext ctx) {
        int rank = ctx.inputType(0).shape().rank();
        String modeName = ctx.attrs().getString("mode", "constant");
        Mode mode = switch (modeName) {
            case "constant" -> Mode.CONSTANT;
            case "reflect" -> Mode.REFLECT;
            case "edge" -> Mode.EDGE;
            case "wrap" -> throw ctx.unsupported("mode 'wrap' is not supported");
            default -> throw ctx.error("unknown mode '" + modeName + "'");
        };
        long[] pads;
        double value = 0;
        Tensor valueTensor = null;
        int[] axes = null;
        if (ctx.opset() >= 11) {
            ctx.expectInputs(2, ctx.opset() >= 18 ? 4 : 3);
            pads = ReshapingCopyOp.constantInts(ctx, 1, "pads");
            if (ctx.hasInput(2)) {
                if (ctx.inputType(2).dataType() != ctx.inputType(0).dataType() || ctx.inputType(2).elementCount() != 1) {
                    throw ctx.error("constant_value must be one element of the data's type");
                }
                valueTensor = ctx.constantInput(2).orElse(null);
            }
            if (ctx.hasInput(3)) {
                long[] a = ReshapingCopyOp.constantInts(ctx, 3, "axes");
                axes = new int[a.length];
                for (int i = 0; i < a.length; i++) {
                    axes[i] = Shape.normalizeAxis(a[i], rank);
                }
            }
        } else {
            ctx.expectInputs(1, 1);
            pads = ctx.attrs().getInts("pads", null);
            if (pads == null) {
                throw ctx.error("required attribute 'pads' is missing");
            }
            value = ctx.attrs().getFloat("value", 0f);
        }
        if (axes == null) {
            axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
        }
        if (pads.length != 2 * axes.length) {
            throw ctx.error("pads " + Arrays.toString(pads) + " must have 2 x " + axes.length + " values");
        }
        long[] begin = new long[rank];
        long[] end = new long[rank];
        for (int i = 0; i < axes.length; i++) {
            begin[axes[i]] = pads[i];
            end[axes[i]] = pads[i + axes.length];
        }
        return new Plan(mode, begin, end, value, valueTensor);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        TensorType in = ctx.inputType(0);
        Shape outShape = ctx.outputType(0).shape();
        int src = k.address(ctx.inputName(0));
        int dst = k.address(ctx.outputName(0));
        if (p.mode == Mode.CONSTANT) {
            lowerConstant(ctx, k, p, in, outShape, src, dst);
        } else {
            lowerGather(k, p, in, outShape, src, dst);
        }
    }

    /** Fills the output with the pad value, then copies the (possibly cropped) input box into it. */
    private static void lowerConstant(OpContext ctx, KernelWriter k, Plan p, TensorType in, Shape outShape, int src, int dst) {
        DataType dt = in.dataType();
        int size = dt.byteSize();
        int rank = outShape.rank();
        boolean grows = false;
        for (int d = 0; d < rank; d++) {
            grows |= p.begin[d] > 0 || p.end[d] > 0;
        }
        if (grows) {
            if (ctx.hasInput(2) && ctx.constantInput(2).isEmpty()) {
                int valueAt = k.address(ctx.inputName(2));
                Fill.emit(k, dst, dt, outShape.elementCount(), () -> {
                    k.code().i32Const(0);
                    k.load(dt, valueAt);
                });
            } else if (p.valueTensor != null) {
                Fill.emit(k, dst, dt, outShape.elementCount(), () -> Fill.pushConstant(k, dt, p.valueTensor));
            } else {
                Fill.emit(k, dst, dt, outShape.elementCount(), () -> Fill.pushConstant(k, dt, p.value));
            }
        }
        int[] inStrides = in.shape().strides();
        int[] outStrides = outShape.strides();
        int[] counts = new int[rank];
        long[] ss = new long[rank];
        long[] ds = new long[rank];
        long srcBase = 0;
        long dstBase = 0;
        for (int d = 0; d < rank; d++) {
            long skipIn = Math.max(0, -p.begin[d]);
            long skipOut = Math.max(0, p.begin[d]);
            counts[d] = (int) Math.max(0, in.shape().dim(d) - skipIn - Math.max(0, -p.end[d]));
            srcBase += skipIn * inStrides[d] * size;
            dstBase += skipOut * outStrides[d] * size;
            ss[d] = (long) inStrides[d] * size;
            ds[d] = (long) outStrides[d] * size;
        }
        StridedCopy.emit(k, (int) (src + srcBase), (int) (dst + dstBase), counts, ss, ds, size);
    }

    /** Reflect and edge: each output element reads the input element its clamped or mirrored index names. */
    private static void lowerGather(KernelWriter k, Plan p, TensorType in, Shape outShape, int src, int dst) {
        int size = in.dataType().byteSize();
        int rank = outShape.rank();
        if (outShape.elementCount() == 0) {
            return;
        }
        Code c = k.code();
        int[] inStrides = in.shape().strides();
        int[] offsets = new int[rank + 1];
        for (int d = 0; d <= rank; d++) {
            offsets[d] = k.newI32();
        }
        int o = k.newI32();
        int x = k.newI32();
        c.i32Const(0).localSet(offsets[0]).i32Const(0).localSet(o);
        gatherLevel(k, p, in.shape(), outShape, inStrides, size, 0, offsets, o, x, src, dst);
    }

    private static void gatherLevel(KernelWriter k, Plan p, Shape inShape, Shape outShape, int[] inStrides, int size,
                                    int d, int[] offsets, int o, int x, int src, int dst) {
        Code c = k.code();
        if (d == outShape.rank()) {
            c.localGet(o).localGet(offsets[d]);
            copyElement(c, size, src, dst);
            c.localGet(o).i32Const(size).i32Add().localSet(o);
            return;
        }
        int n = inShape.dim(d);
        k.forRange(outShape.dim(d), i -> {
            c.localGet(i).i32Const((int) p.begin[d]).i32Sub().localSet(x);
            if (p.mode == Mode.REFLECT) {
                c.i32Const(0).localGet(x).i32Sub().localGet(x).localGet(x).i32Const(0).i32LtS().select().localSet(x);
                c.i32Const(2 * (n - 1)).localGet(x).i32Sub().localGet(x).localGet(x).i32Const(n).i32GeS().select().localSet(x);
            } else {
                c.i32Const(0).localGet(x).localGet(x).i32Const(0).i32LtS().select().localSet(x);
                c.i32Const(n - 1).localGet(x).localGet(x).i32Const(n).i32GeS().select().localSet(x);
            }
            c.localGet(offsets[d]).localGet(x).i32Const(inStrides[d] * size).i32Mul().i32Add().localSet(offsets[d + 1]);
            gatherLevel(k, p, inShape, outShape, inStrides, size, d + 1, offsets, o, x, src, dst);
        });
    }

    /** With the destination then source byte offsets on the stack, copies one element of {@code size} bytes. */
    private static void copyElement(Code c, int size, int src, int dst) {
        switch (size) {
            case 1 -> c.i32Load8U(src).i32Store8(dst);
            case 2 -> c.i32Load16U(src).i32Store16(dst);
            case 4 -> c.i32Load(src).i32Store(dst);
            default -> c.i64Load(src).i64Store(dst);
        }
    }
}
