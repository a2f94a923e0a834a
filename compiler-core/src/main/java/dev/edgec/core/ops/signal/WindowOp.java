package dev.edgec.core.ops.signal;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.onnx.OnnxDataTypes;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * HannWindow, HammingWindow, BlackmanWindow (opset 17): a cosine-sum window of constant length,
 * w[n] = Σ a_k·cos(2πkn/N) with N = size (periodic) or size - 1 (symmetric). The size must be known
 * at compile time, so the window is always a constant computed here in double precision.
 */
final class WindowOp implements Operator {
    /** The window's value at phase x = 2πn/N. */
    private final DoubleUnaryOperator window;

    WindowOp(DoubleUnaryOperator window) {
        this.window = window;
    }

    static WindowOp hann() {
        return new WindowOp(x -> 0.5 - 0.5 * Math.cos(x));
    }

    static WindowOp hamming() {
        // ONNX's coefficients: alpha = 25/46, beta = 1 - alpha
        return new WindowOp(x -> 25.0 / 46 - (21.0 / 46) * Math.cos(x));
    }

    static WindowOp blackman() {
        return new WindowOp(x -> 0.42 - 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        DataType out = OnnxDataTypes.fromOnnx((int) ctx.attrs().getInt("output_datatype", 1), ctx.node().describe());
        ctx.attrs().getInt("periodic", 1);
        long size = ctx.requireConstantInput(0, "size").getLong(0);
        if (size < 0 || size > Shape.MAX_ELEMENTS) {
            throw ctx.error("window size " + size + " is out of range");
        }
        return List.of(new TensorType(out, Shape.of((int) size)));
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        TensorType out = inferTypes(ctx).get(0);
        int size = out.shape().dim(0);
        boolean periodic = ctx.attrs().getInt("periodic", 1) != 0;
        double n = periodic ? size : size - 1;
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            // a symmetric window of size 1 divides by N = 0: NaN, as the ONNX reference computes it
            w[i] = window.applyAsDouble(2 * Math.PI * i / n);
        }
        return Optional.of(List.of(Tensor.ofDoubles(out.dataType(), out.shape(), w)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        throw new IllegalStateException("window operators are evaluated at compile time");
    }
}
