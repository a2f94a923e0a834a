package dev.edgec.cli.io;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes numpy's {@code .npy} format, versions 1.0 and 2.0: a magic string, a version, a
 * header length (2 bytes in v1, 4 in v2), the header dict padded with spaces to a multiple of 64
 * bytes and ended by a newline, then the raw data. Only little-endian (or single-byte) numeric
 * dtypes in C order are accepted, which is everything an edgec module takes or returns.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;

    private NpyFormat() {
    }

    /** True if {@code bytes} starts with the {@code .npy} magic string. */
    public static boolean looksLikeNpy(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The dtype string edgec writes for an element type, e.g. {@code <f4}; bfloat16 has none (IllegalArgumentException). */
    public static String descr(DataType t) {
        return switch (t) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case FLOAT16 -> "<f2";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            case INT16 -> "<i2";
            case UINT16 -> "<u2";
            case INT32 -> "<i4";
            case UINT32 -> "<u4";
            case INT64 -> "<i8";
            case UINT64 -> "<u8";
            case BOOL -> "|b1";
            case BFLOAT16 -> throw new IllegalArgumentException("numpy has no bfloat16 dtype, so a bfloat16 tensor "
                    + "cannot be a .npy file: use a .pb (ONNX TensorProto) file");
        };
    }

    /** The element type of a dtype string; {@link IllegalArgumentException} for ones edgec cannot read. */
    public static DataType dataType(String descr) {
        if (descr.length() < 3) {
            throw new IllegalArgumentException("dtype '" + descr + "' is not supported");
        }
        char order = descr.charAt(0);
        String kind = descr.substring(1);
        DataType t = switch (kind) {
            case "f4" -> DataType.FLOAT32;
            case "f8" -> DataType.FLOAT64;
            case "f2" -> DataType.FLOAT16;
            case "i1" -> DataType.INT8;
            case "u1" -> DataType.UINT8;
            case "i2" -> DataType.INT16;
            case "u2" -> DataType.UINT16;
            case "i4" -> DataType.INT32;
            case "u4" -> DataType.UINT32;
            case "i8" -> DataType.INT64;
            case "u8" -> DataType.UINT64;
            case "b1" -> DataType.BOOL;
            default -> throw new IllegalArgumentException("dtype '" + descr + "' is not supported; edgec reads "
                    + "<f4 <f8 <f2 |i1 |u1 <i2 <u2 <i4 <u4 <i8 <u8 |b1");
        };
        boolean ok = t.byteSize() == 1 ? "|<>=".indexOf(order) >= 0 : order == '<';
        if (!ok) {
            throw new IllegalArgumentException("dtype '" + descr + "' is " + (order == '>' ? "big-endian" : "not little-endian")
                    + "; save it as '<" + kind + "' (arr.astype('<" + kind + "'))");
        }
        return t;
    }

    /**
     * Decodes a {@code .npy} file. Sizes are checked against the file length and {@code maxBytes}
     * before the data is copied. Errors are {@link IllegalArgumentException}s saying what is wrong.
     */
    public static Tensor read(byte[] bytes, long maxBytes) {
        if (!looksLikeNpy(bytes)) {
            throw new IllegalArgumentException("it does not start with the .npy magic string");
        }
        if (bytes.length < 10) {
            throw new IllegalArgumentException("the file ends inside its preamble");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6] & 0xFF;
        int headerStart;
        long headerLen;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("the file ends inside its preamble");
            }
            headerLen = b.getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw new IllegalArgumentException(".npy format version " + major + "." + (bytes[7] & 0xFF)
                    + " is not supported (edgec reads 1.0 and 2.0)");
        }
        if (headerStart + headerLen > bytes.length) {
            throw new IllegalArgumentException("the header runs past the end of the file");
        }
        String text = new String(bytes, headerStart, (int) headerLen, StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text);
        DataType dt = dataType(h.descr());
        if (h.fortranOrder()) {
            throw new IllegalArgumentException("the array is in Fortran order; save it in C order (np.ascontiguousarray)");
        }
        Shape shape;
        try {
            shape = Shape.ofLongs(h.shape());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("shape " + Arrays.toString(h.shape()) + " is too large");
        }
        TensorType type = new TensorType(dt, shape);
        if (type.byteSize() > maxBytes) {
            throw new IllegalArgumentException("it holds " + type + " (" + type.byteSize() + " bytes), over the limit of "
                    + maxBytes + " bytes");
        }
        long dataStart = headerStart + headerLen;
        long dataLen = bytes.length - dataStart;
        if (dataLen != type.byteSize()) {
            throw new IllegalArgumentException("its header declares " + type + " (" + type.byteSize() + " bytes) but "
                    + dataLen + " bytes of data follow");
        }
        return Tensor.of(type, Arrays.copyOfRange(bytes, (int) dataStart, bytes.length));
    }

    /** Encodes a tensor as {@code .npy}: version 1.0 unless the header needs the longer length field of 2.0. */
    public static byte[] write(Tensor t) {
        return write(t, paddedHeader(dict(t), 10).length > 0xFFFF ? 2 : 1);
    }

    /** Encodes a tensor as {@code .npy} of the given format version (1 or 2). */
    public static byte[] write(Tensor t, int version) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException(".npy version " + version);
        }
        int preamble = version == 1 ? 10 : 12;
        byte[] headerBytes = paddedHeader(dict(t), preamble);
        byte[] data = t.bytes();
        ByteBuffer out = ByteBuffer.allocate(preamble + headerBytes.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            out.putShort((short) headerBytes.length);
        } else {
            out.putInt(headerBytes.length);
        }
        return out.put(headerBytes).put(data).array();
    }

    private static String dict(Tensor t) {
        long[] dims = Arrays.stream(t.shape().dims()).asLongStream().toArray();
        return new NpyHeader(descr(t.dataType()), false, dims).format();
    }

    /** The dict, space-padded and newline-ended so that the data starts at a multiple of 64 bytes. */
    private static byte[] paddedHeader(String dict, int preamble) {
        int unpadded = preamble + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        return (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
