package dev.edgec.core.ops.text;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * ONNX TfIdfVectorizer (opset 9) on int32 or int64 input of shape [C] or [N, C]: counts, per row,
 * the pool's n-grams of length min_gram_length to max_gram_length whose items are 1 to
 * max_skip_count + 1 tokens apart, into float32 output [max(ngram_indexes) + 1] or [N, that], weighted
 * by mode TF, IDF or TFIDF. The pool is compiled into constant tables; string pools are not supported.
 */
final class TfIdfVectorizerOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        NgramPool pool = NgramPool.read(ctx);
        ctx.expectType(0, List.of(DataType.INT32, DataType.INT64));
        Shape x = ctx.inputType(0).shape();
        if (x.rank() == 2 && (long) x.dim(0) * pool.width() > Shape.MAX_ELEMENTS / 4) {
            throw ctx.error("the output of " + x.dim(0) + " x " + pool.width() + " float32 values is too large");
        }
        if (x.rank() == 1) {
            return List.of(TensorType.of(DataType.FLOAT32, pool.width()));
        }
        if (x.rank() == 2) {
            return List.of(TensorType.of(DataType.FLOAT32, x.dim(0), pool.width()));
        }
        throw ctx.error("input X must have rank 1 or 2, got shape " + x);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        NgramPool pool = NgramPool.read(ctx);
        Shape x = ctx.inputType(0).shape();
        int rows = x.rank() == 1 ? 1 : x.dim(0);
        NgramCountKernel.emit(k, pool, ctx.inputType(0).dataType(), k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                rows, x.dim(x.rank() - 1));
    }
}
