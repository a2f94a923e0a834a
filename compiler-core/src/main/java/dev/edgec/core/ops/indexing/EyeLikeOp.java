package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.onnx.OnnxDataTypes;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * EyeLike (opset 9+): a 2-D tensor of the input's shape, of type {@code dtype} (default: the input's),
 * holding ones on the diagonal shifted by {@code k} and zeros elsewhere. The input's values are not read.
 */
final class EyeLikeOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        Shape s = ctx.inputType(0).shape();
        if (s.rank() != 2) {
            throw ctx.error("input must be 2-D, got " + s);
        }
        ctx.attrs().getInt("k", 0);
        return List.of(new TensorType(dataType(ctx), s));
    }

    private static DataType dataType(OpContext ctx) {
        long code = ctx.attrs().getInt("dtype", 0);
        return code == 0 ? ctx.inputType(0).dataType() : OnnxDataTypes.fromOnnx((int) code, ctx.node().describe() + " dtype");
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        TensorType out = ctx.outputType(0);
        int rows = out.shape().dim(0);
        int cols = out.shape().dim(1);
        long diag = ctx.attrs().getInt("k", 0);
        int bytes = out.dataType().byteSize();
        int base = k.address(ctx.outputName(0));
        RawElements.fill(k, base, out.elementCount(), Tensor.ofDoubles(out.dataType(), Shape.scalar(), 0));
        // rows i with 0 <= i + k < cols
        long first = Math.max(0, -diag);
        long last = Math.min(rows, cols - diag);
        if (last <= first) {
            return;
        }
        Tensor one = Tensor.ofDoubles(out.dataType(), Shape.scalar(), 1);
        long start = base + (first * cols + first + diag) * bytes;
        Code c = k.code();
        k.forRange((int) (last - first), i -> {
            c.localGet(i).i32Const((cols + 1) * bytes).i32Mul();
            RawElements.pushBits(c, one, 0);
            RawElements.store(c, bytes, (int) start);
        });
    }
}
