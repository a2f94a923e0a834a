package dev.edgec.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TensorTest {
    /** What each integer type keeps of a 64-bit value: its low bits, read back signed or unsigned. */
    private static long truncated(DataType t, long v) {
        return switch (t) {
            case INT8 -> (byte) v;
            case UINT8 -> v & 0xFF;
            case INT16 -> (short) v;
            case UINT16 -> v & 0xFFFF;
            case INT32 -> (int) v;
            case UINT32 -> v & 0xFFFFFFFFL;
            case INT64, UINT64 -> v;
            case BOOL -> v != 0 ? 1 : 0;
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT32", "FLOAT64", "FLOAT16", "BFLOAT16"}, mode = EnumSource.Mode.EXCLUDE)
    void integerTypesRoundTrip(DataType t) {
        long[] values = {0, 1, -1, 127, 128, 255, 256, -129, 32767, 65535, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE,
                0xFFFFFFFFL, Long.MAX_VALUE, Long.MIN_VALUE};
        Tensor x = Tensor.ofLongs(t, Shape.of(4, 4), values);
        assertEquals(16L * t.byteSize(), x.bytes().length);
        for (int i = 0; i < values.length; i++) {
            assertEquals(truncated(t, values[i]), x.getLong(i), t + " value " + values[i]);
        }
        assertEquals(x, Tensor.of(x.type(), x.bytes()));
        assertArrayEquals(x.toLongs(), Tensor.of(x.type(), x.bytes()).toLongs());
    }

    @Test
    void floatTypesRoundTrip() {
        float[] f = {0f, -0f, 1.5f, -3.25e-5f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NEGATIVE_INFINITY};
        Tensor x = Tensor.ofFloats(Shape.of(7), f);
        assertArrayEquals(f, x.toFloats());
        assertEquals(0x3FC00000, x.data().getInt(8));

        double[] d = {0, Math.PI, -1e300, Double.MIN_VALUE};
        Tensor y = Tensor.ofDoubles(DataType.FLOAT64, Shape.of(2, 2), d);
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i], y.getDouble(i));
        }
        Tensor h = Tensor.ofDoubles(DataType.FLOAT16, Shape.of(3), 1.0, -2.5, 65504);
        assertArrayEquals(new float[] {1f, -2.5f, 65504f}, h.toFloats());
        assertEquals(0x3C00, h.data().getShort(0));
        // a float element read as long truncates toward zero
        assertEquals(-2, h.getLong(1));
        Tensor bf = Tensor.ofDoubles(DataType.BFLOAT16, Shape.of(2), 1.0, 1 + 0x3p-8);
        assertEquals(0x3F80, bf.data().getShort(0));
        assertEquals(1 + 0x1p-6, bf.getDouble(1)); // the tie 1 + 3·2^-8 rounds to the even 1 + 2^-6
    }

    @ParameterizedTest
    @EnumSource(DataType.class)
    void ofDoublesConvertsForEveryType(DataType t) {
        Tensor x = Tensor.ofDoubles(t, Shape.of(2), 3.0, 0.0);
        assertEquals(t == DataType.BOOL ? 1.0 : 3.0, x.getDouble(0));
        assertEquals(0.0, x.getDouble(1));
    }

    @Test
    void uint64AsDoubleRoundsCorrectly() {
        long[] values = {-1L, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + (1L << 10) + 1,
                Long.MIN_VALUE + (1L << 10), Long.MIN_VALUE + (3L << 10), 0xFFFFFFFFFFFFF7FFL, 12345};
        Tensor x = Tensor.ofLongs(DataType.UINT64, Shape.of(values.length), values);
        for (int i = 0; i < values.length; i++) {
            double expected = new BigDecimal(new BigInteger(Long.toUnsignedString(values[i]))).doubleValue();
            assertEquals(expected, x.getDouble(i), "uint64 " + Long.toUnsignedString(values[i]));
        }
    }

    @Test
    void uint64FromDoublesAboveTwoTo63() {
        Tensor x = Tensor.ofDoubles(DataType.UINT64, Shape.of(3), 0x1p63, 0x1.8p63, 12.0);
        assertEquals(Long.MIN_VALUE, x.getLong(0));
        assertEquals(0xC000000000000000L, x.getLong(1));
        assertEquals(0x1.8p63, x.getDouble(1));
        assertEquals(12, x.getLong(2));
    }

    @Test
    void sizeMismatchIsRejected() {
        TensorType t = TensorType.of(DataType.FLOAT32, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(t, new byte[23]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(t, new byte[25]));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs(DataType.INT8, Shape.of(1), 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofDoubles(DataType.FLOAT64, Shape.scalar()));
        assertEquals(1, Tensor.ofFloats(Shape.scalar(), 5f).elementCount());
        assertEquals(0, Tensor.ofFloats(Shape.of(0, 4)).bytes().length);
    }

    @Test
    void immutable() {
        byte[] data = {1, 0, 0, 0};
        Tensor x = Tensor.of(TensorType.of(DataType.INT32, 1), data);
        data[0] = 9;
        assertEquals(1, x.getLong(0));
        x.bytes()[0] = 9;
        assertEquals(1, x.getLong(0));
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> x.data().put(0, (byte) 9));
        assertNotEquals(x, Tensor.of(TensorType.of(DataType.UINT32, 1), new byte[] {1, 0, 0, 0}));
    }
}
