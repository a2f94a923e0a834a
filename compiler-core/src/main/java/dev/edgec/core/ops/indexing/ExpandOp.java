package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;

/** Expand (opset 8+): broadcasts the input against the constant {@code shape} input (numpy rules, both ways). */
final class ExpandOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(new TensorType(ctx.inputType(0).dataType(), Shape.of(view(ctx).counts())));
    }

    private static StridedView view(OpContext ctx) {
        ctx.expectInputs(2, 2);
        Shape in = ctx.inputType(0).shape();
        long[] shape = ConstantInts.read(ctx, 1, "shape");
        int rank = Math.max(in.rank(), shape.length);
        int[] out = new int[rank];
        long[] strides = new long[rank];
        long[] rowMajor = StridedView.rowMajor(in.dims());
        for (int d = 0; d < rank; d++) {
            int i = d - (rank - in.rank());
            int j = d - (rank - shape.length);
            long a = i >= 0 ? in.dim(i) : 1;
            long b = j >= 0 ? shape[j] : 1;
            if (a != b && a != 1 && b != 1) {
                throw ctx.error("cannot broadcast input " + in + " to shape " + java.util.Arrays.toString(shape));
            }
            if (b < 0 || b > Integer.MAX_VALUE) {
                throw ctx.error("shape " + java.util.Arrays.toString(shape) + " has the invalid dimension " + b);
            }
            out[d] = (int) (a == 1 ? b : a);
            strides[d] = i >= 0 && a != 1 ? rowMajor[i] : 0;
        }
        if (Shape.of(out).elementCount() < 0) {
            throw ctx.error("output shape is too large");
        }
        return new StridedView(out, strides, 0);
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        if (!ConstantInts.allSmallConstants(ctx, 0) || inferTypes(ctx).get(0).elementCount() > dev.edgec.core.ops.ConstantFolding.MAX_ELEMENTS) {
            return Optional.empty();
        }
        return Optional.of(List.of(view(ctx).evaluate(ctx.constantInput(0).orElseThrow(), inferTypes(ctx).get(0))));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        view(ctx).emitCopy(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                ctx.inputType(0).dataType().byteSize());
    }
}
