package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;

/** ONNX {@code TensorProto.DataType} codes of the integer types quantized operators produce. */
final class OnnxTypes {
    private OnnxTypes() {
    }

    static DataType quantized(OpContext ctx, long code) {
        return switch ((int) code) {
            case 2 -> DataType.UINT8;
            case 3 -> DataType.INT8;
            case 4 -> DataType.UINT16;
            case 5 -> DataType.INT16;
            default -> throw ctx.unsupported("output_dtype " + code + " is not supported; edgec quantizes to "
                    + "uint8 (2), int8 (3), uint16 (4) or int16 (5)");
        };
    }
}
