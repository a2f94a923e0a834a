package dev.edgec.wasm;

/** The immediate of a load or store: log2 of the alignment hint and a constant byte offset. */
public record MemArg(int alignLog2, int offset) {
    public MemArg {
        if (alignLog2 < 0 || alignLog2 > 3) {
            throw new IllegalArgumentException("alignment 2^" + alignLog2);
        }
    }

    /** The natural alignment of {@code op}'s access width, at {@code offset}. */
    public static MemArg natural(Opcode op, int offset) {
        return new MemArg(log2Width(op), offset);
    }

    static int log2Width(Opcode op) {
        return switch (op) {
            case I32_LOAD8_S, I32_LOAD8_U, I64_LOAD8_S, I64_LOAD8_U, I32_STORE8, I64_STORE8 -> 0;
            case I32_LOAD16_S, I32_LOAD16_U, I64_LOAD16_S, I64_LOAD16_U, I32_STORE16, I64_STORE16 -> 1;
            case I32_LOAD, F32_LOAD, I64_LOAD32_S, I64_LOAD32_U, I32_STORE, F32_STORE, I64_STORE32 -> 2;
            case I64_LOAD, F64_LOAD, I64_STORE, F64_STORE -> 3;
            default -> throw new IllegalArgumentException(op.text() + " is not a memory access");
        };
    }
}
