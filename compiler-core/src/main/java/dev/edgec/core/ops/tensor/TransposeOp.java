package dev.edgec.core.ops.tensor;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * Transpose: output axis {@code i} is input axis {@code perm[i]} (default: reversed). The kernel walks
 * the output in order; {@link StridedCopy} merges axes that stay adjacent, so a transpose that keeps
 * the last axis in place copies whole rows.
 */
final class TransposeOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        TensorType in = ctx.inputType(0);
        int[] perm = perm(ctx);
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in.shape().dim(perm[i]);
        }
        return List.of(new TensorType(in.dataType(), Shape.of(out)));
    }

    private static int[] perm(OpContext ctx) {
        int rank = ctx.inputType(0).shape().rank();
        int[] perm = ctx.attrs().getIntsAsInt("perm", null);
        if (perm == null) {
            perm = new int[rank];
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
            return perm;
        }
        boolean[] seen = new boolean[rank];
        if (perm.length != rank) {
            throw ctx.error("perm " + Arrays.toString(perm) + " does not have the input's rank " + rank);
        }
        for (int p : perm) {
            if (p < 0 || p >= rank || seen[p]) {
                throw ctx.error("perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (rank - 1));
            }
            seen[p] = true;
        }
        return perm;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType in = ctx.inputType(0);
        int size = in.dataType().byteSize();
        int[] perm = perm(ctx);
        int[] inStrides = in.shape().strides();
        Shape outShape = ctx.outputType(0).shape();
        int[] outStrides = outShape.strides();
        int rank = perm.length;
        long[] src = new long[rank];
        long[] dst = new long[rank];
        for (int i = 0; i < rank; i++) {
            src[i] = (long) inStrides[perm[i]] * size;
            dst[i] = (long) outStrides[i] * size;
        }
        StridedCopy.emit(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)), outShape.dims(), src, dst, size);
    }
}
