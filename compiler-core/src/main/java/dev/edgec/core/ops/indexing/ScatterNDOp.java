package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * ScatterND (opset 11+, {@code reduction} from 16): the output is the data with, for each index tuple
 * (last axis of the indices, checked at run time), the selected slice replaced by (or combined with)
 * the matching slice of the updates, in row-major order of the tuples.
 */
final class ScatterNDOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(3, 3);
        if (ctx.inputType(1).dataType() != DataType.INT64) {
            throw ctx.error("indices must be int64, got " + ctx.inputType(1).dataType().signatureName());
        }
        TensorType data = ctx.inputType(0);
        Shape idx = ctx.inputType(1).shape();
        Reduction.read(ctx);
        GatherNDOp.Layout l = GatherNDOp.Layout.of(ctx, data.shape(), idx, 0, 1);
        int[] expected = new int[idx.rank() - 1 + data.shape().rank() - l.q()];
        int n = 0;
        for (int d = 0; d < idx.rank() - 1; d++) {
            expected[n++] = idx.dim(d);
        }
        for (int d = l.q(); d < data.shape().rank(); d++) {
            expected[n++] = data.shape().dim(d);
        }
        if (!ctx.inputType(2).shape().equals(Shape.of(expected)) || ctx.inputType(2).dataType() != data.dataType()) {
            throw ctx.error("updates " + ctx.inputType(2) + " must be " + new TensorType(data.dataType(), Shape.of(expected)));
        }
        return List.of(data);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType data = ctx.inputType(0);
        DataType t = data.dataType();
        DataType it = ctx.inputType(1).dataType();
        Reduction reduction = Reduction.read(ctx);
        int bytes = t.byteSize();
        GatherNDOp.Layout l = GatherNDOp.Layout.of(ctx, data.shape(), ctx.inputType(1).shape(), 0, bytes);
        int out = k.address(ctx.outputName(0));
        k.copyBytes(k.address(ctx.inputName(0)), out, (int) data.byteSize());
        RuntimeIndex check = new RuntimeIndex(k);
        int base = k.newI32();
        int outBase = k.newI32();
        int dst = k.newI32();
        int src = k.newI32();
        var c = k.code();
        c.i32Const(out).localSet(outBase);
        long sliceBytes = (long) l.slice() * bytes;
        long tupleBytes = (long) l.q() * it.byteSize();
        AffineNest.emit(k, new int[]{l.tuples()}, new long[][]{{tupleBytes}, {sliceBytes}},
                new long[]{k.address(ctx.inputName(1)), k.address(ctx.inputName(2))},
                (i, st) -> {
                    IndexTuple.emitAddress(k, check, it, st[0], l.tupleDims(), l.tupleStrides(), outBase, base);
                    k.forRange(l.slice(), e -> {
                        c.localGet(base).localGet(e).i32Const(bytes).i32Mul().i32Add().localSet(dst);
                        c.localGet(st[1]).localGet(e).i32Const(bytes).i32Mul().i32Add().localSet(src);
                        reduction.emit(k, t, dst, src);
                    });
                });
    }
}
