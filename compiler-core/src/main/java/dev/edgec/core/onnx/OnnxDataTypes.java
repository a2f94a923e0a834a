package dev.edgec.core.onnx;

import dev.edgec.ir.DataType;
import dev.edgec.ir.UnsupportedModelException;

/** Maps ONNX {@code TensorProto.DataType} codes to edgec element types and back. */
public final class OnnxDataTypes {
    private OnnxDataTypes() {
    }

    /** The element type for an ONNX code; {@code where} names the tensor for the error message. */
    public static DataType fromOnnx(int code, String where) {
        return switch (code) {
            case 1 -> DataType.FLOAT32;
            case 2 -> DataType.UINT8;
            case 3 -> DataType.INT8;
            case 4 -> DataType.UINT16;
            case 5 -> DataType.INT16;
            case 6 -> DataType.INT32;
            case 7 -> DataType.INT64;
            case 9 -> DataType.BOOL;
            case 10 -> DataType.FLOAT16;
            case 11 -> DataType.FLOAT64;
            case 12 -> DataType.UINT32;
            case 13 -> DataType.UINT64;
            case 16 -> DataType.BFLOAT16;
            default -> throw new UnsupportedModelException(where + " has element type " + onnxName(code)
                    + ", which edgec does not support");
        };
    }

    public static int toOnnx(DataType t) {
        return switch (t) {
            case FLOAT32 -> 1;
            case UINT8 -> 2;
            case INT8 -> 3;
            case UINT16 -> 4;
            case INT16 -> 5;
            case INT32 -> 6;
            case INT64 -> 7;
            case BOOL -> 9;
            case FLOAT16 -> 10;
            case FLOAT64 -> 11;
            case UINT32 -> 12;
            case UINT64 -> 13;
            case BFLOAT16 -> 16;
        };
    }

    static String onnxName(int code) {
        return switch (code) {
            case 0 -> "UNDEFINED";
            case 8 -> "STRING";
            case 14 -> "COMPLEX64";
            case 15 -> "COMPLEX128";
            case 17, 18, 19, 20 -> "FLOAT8";
            case 21 -> "UINT4";
            case 22 -> "INT4";
            case 23 -> "FLOAT4E2M1";
            default -> "code " + code;
        };
    }
}
