package dev.edgec.wasm;

/** The result type of a block, loop or if: nothing, or one value. */
public record BlockType(ValType result) {
    public static final BlockType EMPTY = new BlockType(null);

    public static BlockType of(ValType result) {
        return new BlockType(result);
    }

    int code() {
        return result == null ? 0x40 : result.code();
    }
}
