package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * Range (opset 11+): {@code start, start + delta, …} up to {@code limit}. Its length depends on the
 * inputs' values, so all three must be constants and the result is computed at compile time.
 */
final class RangeOp implements Operator {
    /** The result becomes constant data in the module; 16 Mi elements (64 MB of int32) is far beyond any real use. */
    private static final int MAX_ELEMENTS = 1 << 24;

    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT16,
            DataType.INT32, DataType.INT64);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(compute(ctx).type());
    }

    private static Tensor compute(OpContext ctx) {
        ctx.expectInputs(3, 3);
        DataType t = ctx.expectType(0, TYPES);
        for (int i = 1; i < 3; i++) {
            if (ctx.inputType(i).dataType() != t) {
                throw ctx.error("start, limit and delta must have the same type");
            }
        }
        Tensor start = ConstantInts.scalar(ctx, 0, "start");
        Tensor limit = ConstantInts.scalar(ctx, 1, "limit");
        Tensor delta = ConstantInts.scalar(ctx, 2, "delta");
        if (delta.getDouble(0) == 0) {
            throw ctx.error("delta is 0");
        }
        double n = Math.ceil((limit.getDouble(0) - start.getDouble(0)) / delta.getDouble(0));
        if (Double.isNaN(n)) {
            throw ctx.error("the range of start " + start.getDouble(0) + ", limit " + limit.getDouble(0) + " is undefined");
        }
        if (n > MAX_ELEMENTS) {
            throw new dev.edgec.ir.LimitExceededException(ctx.node().describe() + ": the range has " + (long) n
                    + " elements, over the limit of " + MAX_ELEMENTS);
        }
        int count = (int) Math.max(0, n);
        if (t.isFloating()) {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = t == DataType.FLOAT32 ? (float) start.getDouble(0) + i * (float) delta.getDouble(0)
                        : start.getDouble(0) + i * delta.getDouble(0);
            }
            return Tensor.ofDoubles(t, Shape.of(count), v);
        }
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = start.getLong(0) + i * delta.getLong(0);
        }
        return Tensor.ofLongs(t, Shape.of(count), v);
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        return Optional.of(List.of(compute(ctx)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        throw new IllegalStateException("Range is always evaluated at compile time");
    }
}
