package dev.edgec.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable constant tensor: initializers, {@code Constant} outputs and attribute tensors.
 * Data is held as dense row-major little-endian bytes, exactly as it will be placed in wasm memory.
 */
public final class Tensor {
    private final TensorType type;
    private final byte[] data;

    private Tensor(TensorType type, byte[] data) {
        this.type = type;
        this.data = data;
    }

    /** Wraps a copy of {@code littleEndianData}, whose length must match the type. */
    public static Tensor of(TensorType type, byte[] littleEndianData) {
        Objects.requireNonNull(type, "type");
        if (littleEndianData.length != type.byteSize()) {
            throw new IllegalArgumentException("tensor of type " + type + " needs " + type.byteSize()
                    + " bytes of data but has " + littleEndianData.length);
        }
        return new Tensor(type, littleEndianData.clone());
    }

    public static Tensor ofFloats(Shape shape, float... values) {
        TensorType t = new TensorType(DataType.FLOAT32, shape);
        checkCount(t, values.length);
        ByteBuffer b = buffer(t);
        for (float v : values) {
            b.putFloat(v);
        }
        return new Tensor(t, b.array());
    }

    /** Builds an integer or bool tensor of {@code dataType} from 64-bit values, truncating each to the type's width. */
    public static Tensor ofLongs(DataType dataType, Shape shape, long... values) {
        TensorType t = new TensorType(dataType, shape);
        checkCount(t, values.length);
        ByteBuffer b = buffer(t);
        for (long v : values) {
            putLong(b, dataType, v);
        }
        return new Tensor(t, b.array());
    }

    /** Builds a tensor of {@code dataType} from doubles, converting each as a cast would. */
    public static Tensor ofDoubles(DataType dataType, Shape shape, double... values) {
        TensorType t = new TensorType(dataType, shape);
        checkCount(t, values.length);
        ByteBuffer b = buffer(t);
        for (double v : values) {
            switch (dataType) {
                case FLOAT32 -> b.putFloat((float) v);
                case FLOAT64 -> b.putDouble(v);
                case FLOAT16 -> b.putShort(Half.fromFloat((float) v));
                case BFLOAT16 -> b.putShort(BFloat16.fromFloat((float) v));
                // (long) saturates at 2^63 - 1; uint64 values from 2^63 up need their top bit set
                case UINT64 -> b.putLong(v >= 0x1p63 ? (long) (v - 0x1p63) + Long.MIN_VALUE : (long) v);
                default -> putLong(b, dataType, (long) v);
            }
        }
        return new Tensor(t, b.array());
    }

    private static void checkCount(TensorType t, int count) {
        if (count != t.elementCount()) {
            throw new IllegalArgumentException(t + " needs " + t.elementCount() + " values, got " + count);
        }
    }

    private static ByteBuffer buffer(TensorType t) {
        return ByteBuffer.allocate((int) t.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void putLong(ByteBuffer b, DataType dataType, long v) {
        switch (dataType.byteSize()) {
            case 1 -> b.put((byte) (dataType == DataType.BOOL ? (v != 0 ? 1 : 0) : v));
            case 2 -> b.putShort((short) v);
            case 4 -> b.putInt((int) v);
            case 8 -> b.putLong(v);
            default -> throw new IllegalArgumentException(dataType.toString());
        }
    }

    public TensorType type() {
        return type;
    }

    public DataType dataType() {
        return type.dataType();
    }

    public Shape shape() {
        return type.shape();
    }

    public int elementCount() {
        return type.elementCount();
    }

    /** A read-only little-endian view of the data. */
    public ByteBuffer data() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public byte[] bytes() {
        return data.clone();
    }

    /** Element {@code i} as a double, for any element type. */
    public double getDouble(int i) {
        ByteBuffer b = data();
        int at = i * type.dataType().byteSize();
        return switch (type.dataType()) {
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> b.getDouble(at);
            case FLOAT16 -> Half.toFloat(b.getShort(at));
            case BFLOAT16 -> BFloat16.toFloat(b.getShort(at));
            case UINT64 -> {
                long v = b.getLong(at);
                // halve keeping the low bit as a sticky bit, so the one rounding to double is correct
                yield v >= 0 ? v : (double) ((v >>> 1) | (v & 1)) * 2.0;
            }
            default -> getLong(i);
        };
    }

    /** Element {@code i} as a long, for integer and bool types (floats are truncated). */
    public long getLong(int i) {
        ByteBuffer b = data();
        int at = i * type.dataType().byteSize();
        return switch (type.dataType()) {
            case INT8, BOOL -> b.get(at);
            case UINT8 -> b.get(at) & 0xFF;
            case INT16 -> b.getShort(at);
            case UINT16 -> b.getShort(at) & 0xFFFF;
            case INT32 -> b.getInt(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case INT64, UINT64 -> b.getLong(at);
            case FLOAT32, FLOAT64, FLOAT16, BFLOAT16 -> (long) getDouble(i);
        };
    }

    public float[] toFloats() {
        float[] out = new float[elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) getDouble(i);
        }
        return out;
    }

    public long[] toLongs() {
        long[] out = new long[elementCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.type.equals(type) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + type;
    }
}
