package dev.edgec.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Golden bytes of every encoding {@link WasmBytes} owns, worked out by hand from the binary format spec. */
class WasmBytesTest {
    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] write(Consumer<WasmBytes> w) {
        WasmBytes b = new WasmBytes(1);
        w.accept(b);
        return b.toByteArray();
    }

    @Test
    void unsignedLeb128() {
        assertArrayEquals(bytes(0x00), write(b -> b.u32(0)));
        assertArrayEquals(bytes(0x3F), write(b -> b.u32(63)));
        assertArrayEquals(bytes(0x40), write(b -> b.u32(64)));
        assertArrayEquals(bytes(0x7F), write(b -> b.u32(127)));
        assertArrayEquals(bytes(0x80, 0x01), write(b -> b.u32(128)));
        assertArrayEquals(bytes(0xE5, 0x8E, 0x26), write(b -> b.u32(624485)));
        // -1 is read as the unsigned 0xFFFFFFFF: 32 one bits in 5 groups (4x7 + 4)
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F), write(b -> b.u32(-1)));
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x07), write(b -> b.u32(Integer.MAX_VALUE)));
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x08), write(b -> b.u32(Integer.MIN_VALUE)));
    }

    @Test
    void u32SizeMatchesWrittenLength() {
        for (int v : new int[] {0, 63, 64, 127, 128, 16383, 16384, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            int value = v;
            assertEquals(write(b -> b.u32(value)).length, WasmBytes.u32Size(v), "u32Size(" + v + ")");
        }
    }

    @Test
    void signedLeb128Of32Bits() {
        assertArrayEquals(bytes(0x00), write(b -> b.s32(0)));
        assertArrayEquals(bytes(0x3F), write(b -> b.s32(63)));
        // 64 has bit 6 set, which would read back as negative: a second byte carries the 0 sign
        assertArrayEquals(bytes(0xC0, 0x00), write(b -> b.s32(64)));
        assertArrayEquals(bytes(0xFF, 0x00), write(b -> b.s32(127)));
        assertArrayEquals(bytes(0x80, 0x01), write(b -> b.s32(128)));
        assertArrayEquals(bytes(0x7F), write(b -> b.s32(-1)));
        assertArrayEquals(bytes(0x40), write(b -> b.s32(-64)));
        assertArrayEquals(bytes(0xBF, 0x7F), write(b -> b.s32(-65)));
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x78), write(b -> b.s32(Integer.MIN_VALUE)));
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x07), write(b -> b.s32(Integer.MAX_VALUE)));
    }

    @Test
    void signedLeb128Of64Bits() {
        assertArrayEquals(bytes(0x00), write(b -> b.s64(0)));
        assertArrayEquals(bytes(0x3F), write(b -> b.s64(63)));
        assertArrayEquals(bytes(0xC0, 0x00), write(b -> b.s64(64)));
        assertArrayEquals(bytes(0xFF, 0x00), write(b -> b.s64(127)));
        assertArrayEquals(bytes(0x80, 0x01), write(b -> b.s64(128)));
        assertArrayEquals(bytes(0x7F), write(b -> b.s64(-1)));
        assertArrayEquals(bytes(0x40), write(b -> b.s64(-64)));
        assertArrayEquals(bytes(0xBF, 0x7F), write(b -> b.s64(-65)));
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x78), write(b -> b.s64(Integer.MIN_VALUE)));
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x08), write(b -> b.s64(1L << 31)));
        // 63 zero bits in 9 groups, then the sign group 0x7F
        assertArrayEquals(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F),
                write(b -> b.s64(Long.MIN_VALUE)));
        // 63 one bits in 9 groups; the last has bit 6 set, so a 0x00 group carries the sign
        assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00),
                write(b -> b.s64(Long.MAX_VALUE)));
    }

    /** Decodes signed LEB128 by the spec's definition: 7-bit groups, low first, sign from bit 6 of the last. */
    private static long readSigned(byte[] b) {
        long result = 0;
        int shift = 0;
        for (int i = 0; i < b.length; i++) {
            result |= (long) (b[i] & 0x7F) << shift;
            shift += 7;
            boolean last = (b[i] & 0x80) == 0;
            assertEquals(i == b.length - 1, last, "continuation bits");
        }
        if (shift < 64 && (b[b.length - 1] & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    @Test
    void randomValuesRoundTripInMinimalLength() {
        java.util.Random r = new java.util.Random(3);
        for (int k = 0; k < 100_000; k++) {
            long v = switch (k % 3) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong() >> r.nextInt(64);
                default -> r.nextInt() >> r.nextInt(32);
            };
            byte[] s64 = write(b -> b.s64(v));
            assertEquals(v, readSigned(s64));
            // minimal: 7 bits per byte for the value's significant bits plus one sign bit
            int significant = 65 - Long.numberOfLeadingZeros(v < 0 ? ~v : v);
            assertEquals((significant + 6) / 7, s64.length, "length of s64 " + v);
            int i = (int) v;
            assertEquals(i, readSigned(write(b -> b.s32(i))));
            byte[] u = write(b -> b.u32(i));
            long unsigned = readSigned(u) & ((1L << (7 * u.length)) - 1);
            assertEquals(i & 0xFFFFFFFFL, unsigned);
            assertEquals(WasmBytes.u32Size(i), u.length);
        }
    }

    @Test
    void floatsAreLittleEndianRawBits() {
        assertArrayEquals(bytes(0x00, 0x00, 0x80, 0x3F), write(b -> b.f32(1.0f)));
        assertArrayEquals(bytes(0x00, 0x00, 0x20, 0xC0), write(b -> b.f32(-2.5f)));
        assertArrayEquals(bytes(0x00, 0x00, 0x00, 0x80), write(b -> b.f32(-0.0f)));
        // a NaN payload survives (raw bits, not the canonical NaN)
        assertArrayEquals(bytes(0x01, 0x00, 0xC0, 0x7F), write(b -> b.f32(Float.intBitsToFloat(0x7FC00001))));
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0xF0, 0x3F), write(b -> b.f64(1.0)));
        assertArrayEquals(bytes(0, 0, 0, 0, 0, 0, 0xF0, 0xFF), write(b -> b.f64(Double.NEGATIVE_INFINITY)));
        assertArrayEquals(bytes(0x01, 0, 0, 0, 0, 0, 0xF8, 0x7F),
                write(b -> b.f64(Double.longBitsToDouble(0x7FF8000000000001L))));
    }

    @Test
    void namesAreUtf8WithByteLength() {
        assertArrayEquals(bytes(0x00), write(b -> b.name("")));
        assertArrayEquals(bytes(0x03, 'a', 'b', 'c'), write(b -> b.name("abc")));
        // é is two UTF-8 bytes: the prefix counts bytes, not chars
        assertArrayEquals(bytes(0x02, 0xC3, 0xA9), write(b -> b.name("é")));
    }

    @Test
    void sizedBytesAndGrowth() {
        WasmBytes content = new WasmBytes(1);
        for (int i = 0; i < 200; i++) {
            content.u8(i);
        }
        byte[] out = write(b -> b.sizedBytes(content));
        assertEquals(202, out.length);
        assertEquals((byte) 0xC8, out[0]);
        assertEquals(0x01, out[1]);
        assertEquals((byte) 199, out[201]);
    }
}
