package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.FloatArith;
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
 * Det (opset 11): the determinant of each square matrix in the last two dimensions of
 * {@code [*, M, M]}, output {@code [*]}. The kernel copies a matrix to scratch memory and runs LU
 * elimination with partial pivoting there (the largest |value| of the column as pivot, as LAPACK
 * does); the determinant is the signed product of the pivots, 0 as soon as a column has no nonzero
 * pivot. float32 and float64, each computed in its own precision.
 */
final class DetOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        DataType t = ctx.expectType(0, List.of(DataType.FLOAT32, DataType.FLOAT64));
        int[] dims = ctx.inputType(0).shape().dims();
        int r = dims.length;
        if (r < 2 || dims[r - 1] != dims[r - 2]) {
            throw ctx.error("input shape " + ctx.inputType(0).shape() + " must be [*, M, M] (square matrices)");
        }
        return List.of(new TensorType(t, Shape.of(Arrays.copyOf(dims, r - 2))));
    }

    private static int order(OpContext ctx) {
        Shape s = ctx.inputType(0).shape();
        return s.dim(s.rank() - 1);
    }

    @Override
    public long scratchBytes(OpContext ctx) {
        int m = order(ctx);
        return (long) m * m * ctx.inputType(0).dataType().byteSize();
    }

    @Override
    public long macs(OpContext ctx) {
        long m = order(ctx);
        return ctx.outputType(0).elementCount() * m * m * m / 3;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.inputType(0).dataType();
        int m = order(ctx);
        int batch = ctx.outputType(0).elementCount();
        if (m == 0) {
            fillOnes(ctx, k, t, batch); // the determinant of an empty matrix is 1
            return;
        }
        new LuDeterminant(k, t, m, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)), k.scratch()).emit(batch);
    }

    private static void fillOnes(OpContext ctx, KernelWriter k, DataType t, int batch) {
        Code c = k.code();
        int out = k.address(ctx.outputName(0));
        k.forRange(batch, b -> {
            k.pushByteOffset(b, t);
            FloatArith.of(c, t).constant(1);
            k.store(t, out);
        });
    }
}
