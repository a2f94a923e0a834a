package dev.edgec.core.onnx;

import dev.edgec.core.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns a {@code TensorProto} into an IR {@link Tensor}, from {@code raw_data}, the typed repeated
 * fields, or external data. Declared sizes are checked against limits before anything is allocated,
 * and the data found must be exactly as long as the declared shape needs.
 */
public final class TensorDecoder {
    private final ExternalDataResolver external;
    private final long maxTensorBytes;

    public TensorDecoder(ExternalDataResolver external, long maxTensorBytes) {
        this.external = external;
        this.maxTensorBytes = maxTensorBytes;
    }

    public Tensor decode(TensorProto p, String where) {
        DataType dt = OnnxDataTypes.fromOnnx(p.getDataType(), where);
        if (p.hasSegment()) {
            throw new InvalidModelException(where + " is a segmented tensor, which edgec does not read");
        }
        long[] dims = p.getDimsList().stream().mapToLong(Long::longValue).toArray();
        for (long d : dims) {
            if (d < 0) {
                throw new InvalidModelException(where + " has negative dimension " + d);
            }
        }
        Shape shape;
        try {
            shape = Shape.ofLongs(dims);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new LimitExceededException(where + ": " + e.getMessage());
        }
        TensorType type = new TensorType(dt, shape);
        long bytes = type.byteSize();
        if (bytes > maxTensorBytes) {
            throw new LimitExceededException(where + " declares " + bytes + " bytes, over the limit of "
                    + maxTensorBytes);
        }
        int n = shape.elementCount();
        if (p.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            byte[] data = external.read(p.getExternalDataList().stream()
                    .collect(java.util.stream.Collectors.toMap(StringStringEntryProto::getKey,
                            StringStringEntryProto::getValue, (a, b) -> b)), bytes, where);
            return Tensor.of(type, data);
        }
        if (p.hasRawData()) {
            if (p.getRawData().size() != bytes) {
                throw new InvalidModelException(where + " is declared " + type + " (" + bytes
                        + " bytes) but its raw_data has " + p.getRawData().size() + " bytes");
            }
            return Tensor.of(type, p.getRawData().toByteArray());
        }
        // count first: a tiny file may declare a 1 GiB tensor and hold no values
        checkCount(where, type, switch (dt) {
            case FLOAT32 -> p.getFloatDataCount();
            case FLOAT64 -> p.getDoubleDataCount();
            case INT64 -> p.getInt64DataCount();
            case UINT32, UINT64 -> p.getUint64DataCount();
            default -> p.getInt32DataCount();
        });
        ByteBuffer out = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (dt) {
            case FLOAT32 -> p.getFloatDataList().forEach(out::putFloat);
            case FLOAT64 -> p.getDoubleDataList().forEach(out::putDouble);
            case INT64 -> p.getInt64DataList().forEach(out::putLong);
            case UINT32, UINT64 -> {
                for (long v : p.getUint64DataList()) {
                    if (dt == DataType.UINT32) {
                        out.putInt((int) v);
                    } else {
                        out.putLong(v);
                    }
                }
            }
            // float16 and bfloat16 keep their bits in the low 16 bits of each int32_data value
            case INT32, INT16, UINT16, INT8, UINT8, BOOL, FLOAT16, BFLOAT16 -> {
                for (int v : p.getInt32DataList()) {
                    switch (dt.byteSize()) {
                        case 1 -> out.put((byte) v);
                        case 2 -> out.putShort((short) v);
                        default -> out.putInt(v);
                    }
                }
            }
        }
        return Tensor.of(type, out.array());
    }

    private static void checkCount(String where, TensorType type, int found) {
        if (found != type.elementCount()) {
            throw new InvalidModelException(where + " is declared " + type + " (" + type.elementCount()
                    + " elements) but holds " + found + " values");
        }
    }
}
