package dev.edgec.wasm;

/** The MVP value types and their binary codes. */
public enum ValType {
    I32(0x7F), I64(0x7E), F32(0x7D), F64(0x7C);

    private final int code;

    ValType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
