package dev.edgec.ir;

/** Element types of tensors, with the names used in the module signature (DESIGN.md, ABI v1). */
public enum DataType {
    FLOAT32("float32", 4, true),
    FLOAT64("float64", 8, true),
    FLOAT16("float16", 2, true),
    /** bfloat16: float32's sign, exponent and top 7 mantissa bits; a storage type (see {@link BFloat16}). */
    BFLOAT16("bfloat16", 2, true),
    INT8("int8", 1, false),
    UINT8("uint8", 1, false),
    INT16("int16", 2, false),
    UINT16("uint16", 2, false),
    INT32("int32", 4, false),
    UINT32("uint32", 4, false),
    INT64("int64", 8, false),
    UINT64("uint64", 8, false),
    BOOL("bool", 1, false);

    private final String signatureName;
    private final int byteSize;
    private final boolean floating;

    DataType(String signatureName, int byteSize, boolean floating) {
        this.signatureName = signatureName;
        this.byteSize = byteSize;
        this.floating = floating;
    }

    /** The dtype string of the module signature, e.g. {@code float32}. */
    public String signatureName() {
        return signatureName;
    }

    public int byteSize() {
        return byteSize;
    }

    public boolean isFloating() {
        return floating;
    }

    public boolean isSigned() {
        return switch (this) {
            case UINT8, UINT16, UINT32, UINT64, BOOL -> false;
            default -> true;
        };
    }

    public static DataType fromSignatureName(String name) {
        for (DataType t : values()) {
            if (t.signatureName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype " + name);
    }
}
