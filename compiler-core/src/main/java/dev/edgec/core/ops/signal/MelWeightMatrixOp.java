package dev.edgec.core.ops.signal;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.onnx.OnnxDataTypes;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * MelWeightMatrix (opset 17): the {@code [dft_length/2 + 1, num_mel_bins]} matrix of triangular
 * filters that maps a one-sided spectrum onto the mel scale. Every input is a scalar that decides the
 * shape, so all must be constants, and the whole matrix is computed at compile time by the ONNX
 * reference formula: num_mel_bins + 2 points equally spaced in mel (2595·log10(1 + hz/700)) between
 * the edge frequencies, mapped to spectrum bins floor((dft_length + 1)·hz / sample_rate); filter i
 * rises linearly from point i to point i+1 and falls to point i+2.
 */
final class MelWeightMatrixOp implements Operator {
    /** The matrix becomes constant data; 16 Mi elements is far beyond any real filter bank. */
    private static final int MAX_ELEMENTS = 1 << 24;

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(compute(ctx).type());
    }

    private static Tensor compute(OpContext ctx) {
        ctx.expectInputs(5, 5);
        DataType out = OnnxDataTypes.fromOnnx((int) ctx.attrs().getInt("output_datatype", 1), ctx.node().describe());
        int melBins = ScalarInputs.positive(ctx, 0, "num_mel_bins", MAX_ELEMENTS);
        int dftLength = ScalarInputs.positive(ctx, 1, "dft_length", MAX_ELEMENTS);
        long sampleRate = ScalarInputs.integer(ctx, 2, "sample_rate");
        if (sampleRate <= 0) {
            throw ctx.error("sample_rate is " + sampleRate + "; it must be positive");
        }
        Tensor lower = ScalarInputs.one(ctx, 3, "lower_edge_hertz");
        Tensor upper = ScalarInputs.one(ctx, 4, "upper_edge_hertz");
        if (!lower.dataType().isFloating() || lower.dataType() != upper.dataType()) {
            throw ctx.error("lower_edge_hertz and upper_edge_hertz must be floats of one type, got "
                    + lower.dataType().signatureName() + " and " + upper.dataType().signatureName());
        }
        int spectrumBins = dftLength / 2 + 1;
        if ((long) spectrumBins * melBins > MAX_ELEMENTS) {
            throw new dev.edgec.ir.LimitExceededException(ctx.node().describe() + ": the matrix has "
                    + (long) spectrumBins * melBins + " elements, over the limit of " + MAX_ELEMENTS);
        }
        boolean single = lower.dataType() != DataType.FLOAT64;
        double lowMel = mel(lower.getDouble(0), single);
        double highMel = mel(upper.getDouble(0), single);
        int points = melBins + 2;
        double step = single ? (float) ((float) highMel - (float) lowMel) / points : (highMel - lowMel) / points;
        int[] bin = new int[points];
        for (int i = 0; i < points; i++) {
            double hz = 700 * (Math.pow(10, (i * step + lowMel) / 2595) - 1);
            double b = Math.floor((dftLength + 1) * hz / sampleRate);
            if (!(b >= 0 && b <= spectrumBins)) {
                throw outside(ctx, i, b, spectrumBins);
            }
            bin[i] = (int) b;
        }
        double[] w = new double[spectrumBins * melBins];
        for (int i = 0; i < melBins; i++) {
            int left = bin[i];
            int center = bin[i + 1];
            int right = bin[i + 2];
            if (center >= spectrumBins) {
                throw outside(ctx, i + 1, center, spectrumBins);
            }
            if (center == left) {
                w[center * melBins + i] = 1;
            } else {
                for (int j = left; j <= center; j++) {
                    w[j * melBins + i] = (double) (j - left) / (center - left);
                }
            }
            // the falling edge starts at the center, overwriting its rising value (the reference's order)
            for (int j = center; j < right; j++) {
                w[j * melBins + i] = (double) (right - j) / (right - center);
            }
        }
        return Tensor.ofDoubles(out, Shape.of(spectrumBins, melBins), w);
    }

    private static dev.edgec.ir.InvalidModelException outside(OpContext ctx, int point, double bin, int spectrumBins) {
        return ctx.error("mel point " + point + " falls on spectrum bin " + (long) bin + ", outside the " + spectrumBins
                + " bins of the spectrum: check the edge frequencies against sample_rate / 2");
    }

    /**
     * 2595·log10(1 + hz/700). The reference evaluates it in the edges' own precision (numpy keeps
     * float32 scalars float32), and a floor of it picks the bins, so float32 edges are rounded at each step.
     */
    private static double mel(double hz, boolean single) {
        if (!single) {
            return 2595 * Math.log10(1 + hz / 700);
        }
        float ratio = (float) hz / 700f;
        float log = (float) Math.log10(1f + ratio);
        return 2595f * log;
    }

    @Override
    public Optional<List<Tensor>> evaluate(OpContext ctx) {
        return Optional.of(List.of(compute(ctx)));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        // import folds the node into a constant; should a pass keep it, the kernel copies the same matrix
        Tensor m = compute(ctx);
        k.copyBytes(k.constantData(m), k.address(ctx.outputName(0)), (int) m.type().byteSize());
    }
}
