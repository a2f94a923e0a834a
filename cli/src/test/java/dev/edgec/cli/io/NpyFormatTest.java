package dev.edgec.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NpyFormatTest {
    private static Tensor randomTensor(DataType dt, Shape shape, long seed) {
        byte[] data = new byte[(int) new TensorType(dt, shape).byteSize()];
        new Random(seed).nextBytes(data);
        if (dt == DataType.BOOL) {
            for (int i = 0; i < data.length; i++) {
                data[i] &= 1;
            }
        }
        return Tensor.of(new TensorType(dt, shape), data);
    }

    static Stream<Arguments> everyDtypeShapeAndVersion() {
        Shape[] shapes = {Shape.scalar(), Shape.of(0), Shape.of(7), Shape.of(1, 10), Shape.of(2, 3, 4), Shape.of(1, 1, 2, 2, 1)};
        return Arrays.stream(DataType.values()).filter(dt -> dt != DataType.BFLOAT16).flatMap(dt -> Arrays.stream(shapes)
                .flatMap(s -> Stream.of(Arguments.of(dt, s, 1), Arguments.of(dt, s, 2))));
    }

    @ParameterizedTest
    @MethodSource("everyDtypeShapeAndVersion")
    void roundTripsEveryDtype(DataType dt, Shape shape, int version) {
        Tensor t = randomTensor(dt, shape, dt.ordinal() * 31L + shape.rank());
        byte[] file = NpyFormat.write(t, version);
        assertEquals(version, file[6]);
        int preamble = version == 1 ? 10 : 12;
        int headerLen = (file[8] & 0xFF) | (file[9] & 0xFF) << 8 | (version == 1 ? 0 : (file[10] & 0xFF) << 16 | (file[11] & 0xFF) << 24);
        assertEquals(0, (preamble + headerLen) % 64, "data starts 64-byte aligned");
        assertEquals('\n', file[preamble + headerLen - 1]);
        assertEquals(t, NpyFormat.read(file, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = "BFLOAT16", mode = EnumSource.Mode.EXCLUDE)
    void descrNamesRoundTrip(DataType dt) {
        assertEquals(dt, NpyFormat.dataType(NpyFormat.descr(dt)));
    }

    @Test
    void bfloat16HasNoNpyDtype() {
        Tensor t = Tensor.ofDoubles(DataType.BFLOAT16, Shape.of(2), 1, 2);
        String why = assertThrows(IllegalArgumentException.class, () -> NpyFormat.write(t)).getMessage();
        assertTrue(why.contains("bfloat16") && why.contains(".pb"), why);
    }

    @Test
    void writesTheSameBytesAsNumpy() {
        // np.save of np.array([1, 2, 3], dtype='<i4'): a v1.0 header of 118 bytes, data at byte 128.
        byte[] file = NpyFormat.write(Tensor.ofLongs(DataType.INT32, Shape.of(3), 1, 2, 3));
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, Arrays.copyOf(file, 10));
        String header = new String(file, 10, 118, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }    "), header);
        assertEquals(128 + 12, file.length);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0}, Arrays.copyOfRange(file, 128, 140));
    }

    private static byte[] npy(int major, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        if (major == 1) {
            out.writeBytes(new byte[] {(byte) h.length, (byte) (h.length >> 8)});
        } else {
            out.writeBytes(new byte[] {(byte) h.length, (byte) (h.length >> 8), (byte) (h.length >> 16), (byte) (h.length >> 24)});
        }
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void readsHeadersWrittenDifferently() {
        byte[] two = {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, 0x40};
        Tensor expected = Tensor.ofFloats(Shape.of(2), 1f, 2f);
        // key order, quotes, spacing, a Python 2 long and no trailing comma all vary between writers
        assertEquals(expected, NpyFormat.read(npy(1, "{\"shape\": (2L,), \"fortran_order\": False, \"descr\": \"<f4\"}\n", two),
                100));
        assertEquals(expected, NpyFormat.read(npy(2, "{'descr':'<f4','fortran_order':False,'shape':(2,)}  \n", two), 100));
        assertEquals(Tensor.ofLongs(DataType.UINT8, Shape.of(2), 7, 9),
                NpyFormat.read(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (2,), }\n", new byte[] {7, 9}), 100));
    }

    private static String rejection(byte[] file) {
        return assertThrows(IllegalArgumentException.class, () -> NpyFormat.read(file, 1 << 20)).getMessage();
    }

    @Test
    void rejectsWhatItCannotRead() {
        byte[] f8 = new byte[8];
        assertTrue(rejection(npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }\n", f8)).contains("big-endian"));
        assertTrue(rejection(npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }\n", f8)).contains("Fortran"));
        assertTrue(rejection(npy(1, "{'descr': '<U2', 'fortran_order': False, 'shape': (1,), }\n", f8)).contains("not supported"));
        assertTrue(rejection(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }\n", f8)).contains("8 bytes of data"));
        assertTrue(rejection(npy(3, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", f8)).contains("version 3"));
        assertTrue(rejection(npy(1, "{'descr': '<f4', 'shape': (2,), }\n", f8)).contains("keys"));
        assertTrue(rejection(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), ", f8)).length() > 0);
        assertTrue(rejection(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }\n", f8)).length() > 0);
        assertTrue(rejection("PK\3\4 a zip, maybe an .npz".getBytes(StandardCharsets.ISO_8859_1)).contains("magic"));
        assertTrue(rejection(Arrays.copyOf(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n", f8), 9))
                .contains("preamble"));
        byte[] big = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (10000, 10000), }\n", f8);
        assertTrue(rejection(big).contains("over the limit"));
        byte[] huge = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }\n", f8);
        assertTrue(rejection(huge).contains("too large"));
    }
}
