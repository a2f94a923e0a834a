package dev.edgec.core.ops.quant;

import dev.edgec.ir.DataType;

/** The integer range a quantized type saturates to. */
record QuantRange(long min, long max) {
    static QuantRange of(DataType t) {
        return switch (t) {
            case INT8 -> new QuantRange(-128, 127);
            case UINT8 -> new QuantRange(0, 255);
            case INT16 -> new QuantRange(-32768, 32767);
            case UINT16 -> new QuantRange(0, 65535);
            case INT32 -> new QuantRange(Integer.MIN_VALUE, Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException("not a quantized type: " + t);
        };
    }
}
