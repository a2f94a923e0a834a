package dev.edgec.harness;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.Random;

/** Seeded random tensors for tests and benchmarks. */
public final class RandomTensors {
    private RandomTensors() {
    }

    /** Floats uniform in [-1, 1); integers uniform in a small range that suits the type; bools 50/50. */
    public static Tensor of(TensorType type, Random rnd) {
        int n = type.elementCount();
        DataType dt = type.dataType();
        if (dt.isFloating()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextDouble() * 2 - 1;
            }
            return Tensor.ofDoubles(dt, type.shape(), v);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (dt) {
                case BOOL -> rnd.nextBoolean() ? 1 : 0;
                case UINT8, UINT16, UINT32, UINT64 -> rnd.nextInt(100);
                default -> rnd.nextInt(200) - 100;
            };
        }
        return Tensor.ofLongs(dt, type.shape(), v);
    }

    /** Floats uniform in [lo, hi). */
    public static Tensor uniform(TensorType type, Random rnd, double lo, double hi) {
        double[] v = new double[type.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + rnd.nextDouble() * (hi - lo);
        }
        return Tensor.ofDoubles(type.dataType(), type.shape(), v);
    }
}
