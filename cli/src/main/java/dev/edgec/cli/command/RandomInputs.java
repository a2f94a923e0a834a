package dev.edgec.cli.command;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.Random;

/**
 * Random inputs for {@code edgec run --random}: floats uniform in [-1, 1), integers uniform in
 * [0, 10) (small and non-negative, so index-like inputs are mostly in range), bools 0 or 1. The same
 * seed gives the same tensors on every JVM ({@link Random}'s algorithm is specified).
 */
final class RandomInputs {
    private RandomInputs() {
    }

    /**
     * A random input for {@code spec}; a quantized input (integer-only module) gets random floats in
     * [-1, 1) quantized with its scale and zero point, the same real values a float module would get.
     */
    static Tensor generate(dev.edgec.core.abi.TensorSpec spec, Random random) {
        if (spec.scale() != null) {
            return dev.edgec.cli.quant.QuantizedEdges.quantize(
                    generate(new TensorType(DataType.FLOAT32, spec.shape()), random), spec);
        }
        return generate(spec.type(), random);
    }

    static Tensor generate(TensorType type, Random random) {
        int n = type.elementCount();
        DataType dt = type.dataType();
        if (dt.isFloating()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextDouble() * 2 - 1;
            }
            return Tensor.ofDoubles(dt, type.shape(), v);
        }
        long[] v = new long[n];
        int bound = dt == DataType.BOOL ? 2 : 10;
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(bound);
        }
        return Tensor.ofLongs(dt, type.shape(), v);
    }
}
