package dev.edgec.wasm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that owns the encodings of the WebAssembly binary format: LEB128 integers,
 * little-endian floats, names and length-prefixed vectors. Nothing else in edgec writes raw bytes.
 */
public final class WasmBytes {
    private byte[] data;
    private int length;

    public WasmBytes() {
        this(64);
    }

    public WasmBytes(int initialCapacity) {
        data = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (length + extra > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + extra));
        }
    }

    public WasmBytes u8(int b) {
        ensure(1);
        data[length++] = (byte) b;
        return this;
    }

    /** Unsigned LEB128 of a u32 (passed as an int, its bits read as unsigned). */
    public WasmBytes u32(int value) {
        long v = value & 0xFFFFFFFFL;
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** Signed LEB128 of a 32-bit value. */
    public WasmBytes s32(int value) {
        return s64(value);
    }

    /** Signed LEB128 of a 64-bit value. */
    public WasmBytes s64(long value) {
        boolean more = true;
        while (more) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean signBitSet = (b & 0x40) != 0;
            if ((value == 0 && !signBitSet) || (value == -1 && signBitSet)) {
                more = false;
            } else {
                b |= 0x80;
            }
            u8(b);
        }
        return this;
    }

    public WasmBytes f32(float value) {
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            u8(bits >>> (8 * i));
        }
        return this;
    }

    public WasmBytes f64(double value) {
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
            u8((int) (bits >>> (8 * i)));
        }
        return this;
    }

    public WasmBytes bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WasmBytes bytes(byte[] b, int offset, int count) {
        ensure(count);
        System.arraycopy(b, offset, data, length, count);
        length += count;
        return this;
    }

    public WasmBytes bytes(WasmBytes other) {
        return bytes(other.data, 0, other.length);
    }

    /** A name: its UTF-8 length as u32, then the bytes. */
    public WasmBytes name(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        return bytes(utf8);
    }

    /** A byte vector: its length as u32, then the bytes. */
    public WasmBytes sizedBytes(WasmBytes content) {
        u32(content.length);
        return bytes(content);
    }

    public int size() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(data, length);
    }

    /** Number of bytes {@link #u32} writes for {@code value}. */
    public static int u32Size(int value) {
        long v = value & 0xFFFFFFFFL;
        int n = 1;
        while ((v >>>= 7) != 0) {
            n++;
        }
        return n;
    }
}
