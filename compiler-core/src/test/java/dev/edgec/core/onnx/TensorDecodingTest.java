package dev.edgec.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Initializers stored in each of TensorProto's typed fields decode to the same little-endian bytes. */
class TensorDecodingTest {
    private static TensorProto.Builder proto(DataType t, long... dims) {
        TensorProto.Builder p = TensorProto.newBuilder().setName("w").setDataType(OnnxDataTypes.toOnnx(t));
        for (long d : dims) {
            p.addDims(d);
        }
        return p;
    }

    /** Imports a model whose (unused) initializer {@code w} is {@code p}. */
    static Graph withInitializer(TensorProto p) {
        OnnxBuilder b = new OnnxBuilder("t", 13);
        String x = b.input("x", DataType.FLOAT32, 2);
        b.graph().addInitializer(p);
        b.output(b.node("Relu", List.of(x)), DataType.FLOAT32);
        return Imports.graph(b);
    }

    private static Tensor decode(TensorProto.Builder p) {
        return withInitializer(p.build()).constant("w").orElseThrow();
    }

    @Test
    void floatData() {
        Tensor t = decode(proto(DataType.FLOAT32, 2, 2).addAllFloatData(List.of(1f, -2f, 3.5f, 0f)));
        assertArrayEquals(new float[] {1, -2, 3.5f, 0}, t.toFloats());
    }

    @Test
    void int32DataForNarrowTypes() {
        assertArrayEquals(new long[] {-128, 127, -1}, decode(proto(DataType.INT8, 3).addAllInt32Data(List.of(-128, 127, -1))).toLongs());
        assertArrayEquals(new long[] {255, 0, 7}, decode(proto(DataType.UINT8, 3).addAllInt32Data(List.of(255, 0, 7))).toLongs());
        assertArrayEquals(new long[] {1, 0, 1}, decode(proto(DataType.BOOL, 3).addAllInt32Data(List.of(1, 0, 1))).toLongs());
        assertArrayEquals(new long[] {-32768, 65535 - 65536}, decode(proto(DataType.INT16, 2).addAllInt32Data(List.of(-32768, -1))).toLongs());
        assertArrayEquals(new long[] {65535}, decode(proto(DataType.UINT16, 1).addAllInt32Data(List.of(65535))).toLongs());
        assertArrayEquals(new long[] {Integer.MIN_VALUE}, decode(proto(DataType.INT32, 1).addAllInt32Data(List.of(Integer.MIN_VALUE))).toLongs());
        // float16 values travel as their bit patterns in int32_data: 0x3C00 = 1.0, 0xC100 = -2.5
        Tensor h = decode(proto(DataType.FLOAT16, 2).addAllInt32Data(List.of(0x3C00, 0xC100)));
        assertArrayEquals(new float[] {1f, -2.5f}, h.toFloats());
        assertArrayEquals(new byte[] {0x00, 0x3C, 0x00, (byte) 0xC1}, h.bytes());
        // bfloat16 likewise, in the low 16 bits: 0x3F80 = 1.0, 0xC020 = -2.5
        Tensor bf = decode(proto(DataType.BFLOAT16, 2).addAllInt32Data(List.of(0x3F80, 0xC020)));
        assertArrayEquals(new float[] {1f, -2.5f}, bf.toFloats());
        assertArrayEquals(new byte[] {(byte) 0x80, 0x3F, 0x20, (byte) 0xC0}, bf.bytes());
    }

    @Test
    void int64DoubleAndUint64Data() {
        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
                decode(proto(DataType.INT64, 2).addAllInt64Data(List.of(Long.MIN_VALUE, Long.MAX_VALUE))).toLongs());
        Tensor d = decode(proto(DataType.FLOAT64, 2).addAllDoubleData(List.of(Math.PI, -1e300)));
        assertEquals(Math.PI, d.getDouble(0));
        assertEquals(-1e300, d.getDouble(1));
        Tensor u64 = decode(proto(DataType.UINT64, 1).addUint64Data(-1L));
        assertEquals(-1L, u64.getLong(0));
        assertEquals(18446744073709551615.0, u64.getDouble(0));
        assertArrayEquals(new long[] {0xFFFFFFFFL, 3},
                decode(proto(DataType.UINT32, 2).addAllUint64Data(List.of(0xFFFFFFFFL, 3L))).toLongs());
    }

    @Test
    void rawData() {
        Tensor t = decode(proto(DataType.INT16, 2).setRawData(ByteString.copyFrom(new byte[] {1, 0, (byte) 0xFF, (byte) 0xFF})));
        assertArrayEquals(new long[] {1, -1}, t.toLongs());
    }

    @Test
    void sizeMismatchesAreRejected() {
        String m = assertThrows(InvalidModelException.class,
                () -> decode(proto(DataType.FLOAT32, 2).setRawData(ByteString.copyFrom(new byte[7])))).getMessage();
        assertTrue(m.contains("'w'") && m.contains("raw_data") && m.contains("7"), m);
        assertThrows(InvalidModelException.class, () -> decode(proto(DataType.FLOAT32, 2).setRawData(ByteString.copyFrom(new byte[9]))));
        assertThrows(InvalidModelException.class, () -> decode(proto(DataType.FLOAT32, 3).addAllFloatData(List.of(1f, 2f))));
        assertThrows(InvalidModelException.class, () -> decode(proto(DataType.INT8, 1).addAllInt32Data(List.of(1, 2))));
        assertThrows(InvalidModelException.class, () -> decode(proto(DataType.INT64, 2)));
    }

    @Test
    void hugeDeclaredTensorsFailBeforeAllocation() {
        // 2^28 floats = 1 GiB (at the default limit) declared with no values: must fail on the count, not allocate
        assertThrows(InvalidModelException.class, () -> decode(proto(DataType.FLOAT32, 1L << 28)));
        assertThrows(LimitExceededException.class, () -> decode(proto(DataType.FLOAT32, 1L << 29)));
        assertThrows(LimitExceededException.class, () -> decode(proto(DataType.UINT8, 1L << 31)));
        assertThrows(LimitExceededException.class, () -> decode(proto(DataType.FLOAT32, 1L << 40, 1L << 40)));
        assertThrows(LimitExceededException.class, () -> decode(proto(DataType.FLOAT32, Long.MAX_VALUE)));
        assertThrows(InvalidModelException.class, () -> decode(proto(DataType.FLOAT32, -1)));
    }

    @Test
    void unsupportedElementTypes() {
        TensorProto strings = TensorProto.newBuilder().setName("w").setDataType(8).addDims(1)
                .addStringData(ByteString.copyFromUtf8("a")).build();
        String m = assertThrows(UnsupportedModelException.class, () -> withInitializer(strings)).getMessage();
        assertTrue(m.contains("STRING") && m.contains("'w'"), m);
    }
}
