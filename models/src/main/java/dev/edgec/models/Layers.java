package dev.edgec.models;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Random;

/**
 * Adds common layers to an {@link OnnxBuilder} with deterministic weights drawn from one seeded
 * {@link Random}. Layers followed by Relu get He-normal weights (std √(2/fan_in)), which keeps the
 * activations' second moment about constant through Conv/Gemm + Relu; final classifier layers get
 * Glorot-uniform weights. Every initializer is named after its layer so the models read well in Netron.
 */
final class Layers {
    static final int OPSET = 13;

    private final OnnxBuilder b;
    private final Random rnd;

    Layers(String graphName, long seed) {
        this.b = new OnnxBuilder(graphName, OPSET);
        this.rnd = new Random(seed);
    }

    OnnxBuilder builder() {
        return b;
    }

    String input(String name, long... dims) {
        return b.input(name, DataType.FLOAT32, dims);
    }

    byte[] finish(String output, long... dims) {
        b.output(output, DataType.FLOAT32, dims);
        return b.toBytes();
    }

    /** He-normal: standard deviation √(2/fanIn), for layers followed by Relu. */
    Tensor heNormal(int fanIn, int... dims) {
        double std = Math.sqrt(2.0 / fanIn);
        float[] v = new float[Shape.of(dims).elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    /** Glorot-uniform: uniform in ±√(6/(fanIn+fanOut)), for the linear layers that end a network. */
    Tensor glorotUniform(int fanIn, int fanOut, int... dims) {
        return uniform(Math.sqrt(6.0 / (fanIn + fanOut)), dims);
    }

    /** Uniform in ±limit. */
    Tensor uniform(double limit, int... dims) {
        float[] v = new float[Shape.of(dims).elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
        }
        return Tensor.ofFloats(Shape.of(dims), v);
    }

    /** Uniform in [lo, hi). */
    Tensor uniformBetween(double lo, double hi, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + rnd.nextDouble() * (hi - lo));
        }
        return Tensor.ofFloats(Shape.of(n), v);
    }

    /** A small non-zero bias, so the bias path of every kernel is exercised. */
    Tensor bias(int n) {
        return uniform(0.05, n);
    }

    String constant(String name, Tensor value) {
        return b.initializer(name, value);
    }

    /**
     * Conv with He-normal weights [out, in/group, kh, kw]; {@code pads} is ONNX order
     * (top, left, bottom, right). With {@code withBias} false the Conv has two inputs, as exporters
     * write it before a BatchNormalization.
     */
    String conv(String name, String x, int in, int out, int kh, int kw, int stride, long[] pads, int group,
                boolean withBias) {
        int inPerGroup = in / group;
        String w = b.initializer(name + ".weight", heNormal(inPerGroup * kh * kw, out, inPerGroup, kh, kw));
        List<String> inputs = withBias ? List.of(x, w, b.initializer(name + ".bias", bias(out))) : List.of(x, w);
        return b.node("Conv", inputs, "kernel_shape", new long[]{kh, kw}, "strides", new long[]{stride, stride},
                "pads", pads, "group", (long) group, "dilations", new long[]{1, 1});
    }

    /**
     * BatchNormalization (inference) with plausible statistics: scale in [0.8, 1.2], bias in ±0.1,
     * running mean in ±0.1 and running variance in [0.5, 1.5], so it neither erases nor blows up the
     * activations of a He-initialized network.
     */
    String batchNorm(String name, String x, int channels) {
        String scale = b.initializer(name + ".scale", uniformBetween(0.8, 1.2, channels));
        String shift = b.initializer(name + ".bias", uniform(0.1, channels));
        String mean = b.initializer(name + ".mean", uniform(0.1, channels));
        String var = b.initializer(name + ".var", uniformBetween(0.5, 1.5, channels));
        return b.node("BatchNormalization", List.of(x, scale, shift, mean, var), "epsilon", 1e-3f);
    }

    String relu(String x) {
        return b.node("Relu", List.of(x));
    }

    /** Gemm y = x·Wᵀ + b with W stored [out, in] (transB = 1), as PyTorch exports Linear. */
    String gemm(String name, String x, int in, int out, boolean followedByRelu) {
        Tensor weight = followedByRelu ? heNormal(in, out, in) : glorotUniform(in, out, out, in);
        String w = b.initializer(name + ".weight", weight);
        String bias = b.initializer(name + ".bias", bias(out));
        return b.node("Gemm", List.of(x, w, bias), "transB", 1L);
    }

    String softmax(String x) {
        return b.node("Softmax", List.of(x), "axis", -1L);
    }

    String flatten(String x) {
        return b.node("Flatten", List.of(x), "axis", 1L);
    }

    String globalAveragePool(String x) {
        return b.node("GlobalAveragePool", List.of(x));
    }

    /** Symmetric padding of {@code p} on every side. */
    static long[] pad(int p) {
        return new long[]{p, p, p, p};
    }

    /** TensorFlow "same" padding for a stride-2 3x3 kernel on an even size: the extra row/column at the end. */
    static long[] sameStride2Kernel3() {
        return new long[]{0, 0, 1, 1};
    }
}
