package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Gather (opset 1+): {@code out[o, j…, i] = data[o, indices[j…], i]} along {@code axis}. Indices are
 * checked at run time; with constant data and indices the result is computed at compile time, which
 * folds shape subgraphs (Shape → Gather → Unsqueeze → Concat → Reshape).
 */
final class GatherOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        RuntimeIndex.checkIndexType(ctx.inputType(1).dataType(), "indices", ctx::error);
        Shape data = ctx.inputType(0).shape();
        int axis = axis(ctx);
        Shape idx = ctx.inputType(1).shape();
        int[] out = new int[data.rank() - 1 + idx.rank()];
        int n = 0;
        for (int d = 0; d < axis; d++) {
            out[n++] = data.dim(d);
        }
        for (int d = 0; d < idx.rank(); d++) {
            out[n++] = idx.dim(d);
        }
        for (int d = axis + 1; d < data.rank(); d++) {
            out[n++] = data.dim(d);
        }
        return List.of(new TensorType(ctx.inputType(0).dataType(), Shape.of(out)));
    }

    private static int axis(OpContext ctx) {
        return Axes.attribute(ctx, ctx.inputType(0).shape().rank(), 0);
    }

    /** {outer, axis dim, inner} element counts of the data around the axis. */
    private static int[] split(Shape data, int axis) {
        int outer = 1;
        int inner = 1;
        for (int d = 0; d < axis; d++) {
            outer *= data.dim(d);
        }
        for (int d = axis + 1; d < data.rank(); d++) {
            inner *= data.dim(d);
        }
        return new int[]{outer, data.dim(axis), inner};
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        if (!ConstantInts.allSmallConstants(ctx, 0, 1)
                || inferTypes(ctx).get(0).elementCount() > dev.edgec.core.ops.ConstantFolding.MAX_ELEMENTS) {
            return Optional.empty();
        }
        Tensor data = ctx.constantInput(0).orElseThrow();
        long[] idx = ctx.constantInput(1).orElseThrow().toLongs();
        int[] s = split(data.shape(), axis(ctx));
        int bytes = data.dataType().byteSize();
        TensorType outType = inferTypes(ctx).get(0);
        ByteBuffer src = data.data();
        byte[] out = new byte[(int) outType.byteSize()];
        int at = 0;
        for (int o = 0; o < s[0]; o++) {
            for (long j : idx) {
                long w = j < 0 ? j + s[1] : j;
                if (w < 0 || w >= s[1]) {
                    throw ctx.error("index " + j + " is out of range for an axis of size " + s[1]);
                }
                int from = (int) ((o * (long) s[1] + w) * s[2] * bytes);
                src.get(from, out, at, s[2] * bytes);
                at += s[2] * bytes;
            }
        }
        return Optional.of(List.of(Tensor.of(outType, out)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.inputType(0).dataType();
        DataType it = ctx.inputType(1).dataType();
        int[] s = split(ctx.inputType(0).shape(), axis(ctx));
        int count = ctx.inputType(1).elementCount();
        int bytes = t.byteSize();
        int data = k.address(ctx.inputName(0));
        int indices = k.address(ctx.inputName(1));
        int out = k.address(ctx.outputName(0));
        RuntimeIndex check = new RuntimeIndex(k);
        int row = k.newI32();
        int src = k.newI32();
        int dst = k.newI32();
        var c = k.code();
        // outer × indices, each copying one contiguous block of `inner` elements
        AffineNest.emit(k, new int[]{s[0], count}, new long[][]{{(long) s[1] * s[2] * bytes, 0}, {0, it.byteSize()},
                {(long) count * s[2] * bytes, (long) s[2] * bytes}}, new long[]{data, indices, out}, (i, st) -> {
            c.localGet(st[1]);
            check.loadChecked(it, 0, s[1], row);
            c.localGet(st[0]).localGet(row).i32Const(s[2] * bytes).i32Mul().i32Add().localSet(src);
            c.localGet(st[2]).localSet(dst);
            RawElements.copyRun(k, src, dst, s[2], bytes);
        });
    }
}
