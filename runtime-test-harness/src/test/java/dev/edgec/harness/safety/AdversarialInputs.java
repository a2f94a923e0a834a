package dev.edgec.harness.safety;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Input bytes no trained model expects: float specials (NaN, ±Inf, denormals, ±FLT_MAX, -0) and
 * random bit patterns; integer extremes (MIN, MAX, -1) that an index, a size or a divisor may be fed.
 */
enum AdversarialInputs {
    NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, DENORMAL, MAX, MIN, MIXED, RANDOM_BITS;

    private static final int[] F32_SPECIALS = {0x7fc00000, 0xffc00000, 0x7f800001, 0x7f800000, 0xff800000, 0x00000001,
        0x807fffff, 0x7f7fffff, 0xff7fffff, 0x80000000, 0x00000000, 0x3f800000};
    private static final long[] F64_SPECIALS = {0x7ff8000000000000L, 0x7ff0000000000000L, 0xfff0000000000000L, 1L,
        0x7fefffffffffffffL, 0xffefffffffffffffL, 0x8000000000000000L, 0x3ff0000000000000L};

    /** A tensor of {@code type} filled with this pattern ({@code rnd} for MIXED and RANDOM_BITS). */
    Tensor fill(TensorType type, Random rnd) {
        DataType dt = type.dataType();
        int n = type.shape().elementCount();
        int width = dt.byteSize();
        ByteBuffer b = ByteBuffer.allocate(n * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (this == RANDOM_BITS) {
                byte[] bits = new byte[width];
                rnd.nextBytes(bits);
                b.put(bits);
            } else if (dt == DataType.FLOAT32) {
                b.putInt(float32(rnd));
            } else if (dt == DataType.FLOAT64) {
                b.putLong(float64(rnd));
            } else if (dt == DataType.FLOAT16) {
                b.putShort((short) (float32(rnd) >>> 16)); // the top half of a float32 special is its bfloat-like twin
            } else {
                putInteger(b, width, integer(dt, rnd));
            }
        }
        return Tensor.of(type, b.array());
    }

    private int float32(Random rnd) {
        return switch (this) {
            case NAN -> 0x7fc00000;
            case POSITIVE_INFINITY -> 0x7f800000;
            case NEGATIVE_INFINITY -> 0xff800000;
            case DENORMAL -> 0x00000001 + rnd.nextInt(0x007fffff);
            case MAX -> 0x7f7fffff;
            case MIN -> 0xff7fffff;
            default -> F32_SPECIALS[rnd.nextInt(F32_SPECIALS.length)];
        };
    }

    private long float64(Random rnd) {
        return switch (this) {
            case NAN -> 0x7ff8000000000000L;
            case POSITIVE_INFINITY -> 0x7ff0000000000000L;
            case NEGATIVE_INFINITY -> 0xfff0000000000000L;
            case DENORMAL -> 1L + rnd.nextInt(Integer.MAX_VALUE);
            case MAX -> 0x7fefffffffffffffL;
            case MIN -> 0xffefffffffffffffL;
            default -> F64_SPECIALS[rnd.nextInt(F64_SPECIALS.length)];
        };
    }

    /** Integer inputs: MAX and MIN are the type's extremes, NAN stands for -1, the others mix all of them with 0. */
    private long integer(DataType dt, Random rnd) {
        int bits = dt.byteSize() * 8;
        boolean unsigned = dt.name().startsWith("UINT") || dt == DataType.BOOL;
        long max = unsigned ? (bits == 64 ? -1L : (1L << bits) - 1) : (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1);
        long min = unsigned ? 0 : (bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1)));
        long[] all = {min, max, -1, 0, 1, min + 1, max - 1};
        return switch (this) {
            case MAX, POSITIVE_INFINITY -> max;
            case MIN, NEGATIVE_INFINITY -> min;
            case NAN -> -1;
            default -> all[rnd.nextInt(all.length)];
        };
    }

    private static void putInteger(ByteBuffer b, int width, long v) {
        switch (width) {
            case 1 -> b.put((byte) v);
            case 2 -> b.putShort((short) v);
            case 4 -> b.putInt((int) v);
            default -> b.putLong(v);
        }
    }
}
