package dev.edgec.wasm;

/**
 * The WebAssembly MVP instruction set as data: text name, opcode byte and immediate kind. The code
 * writer is the only place that emits these; the disassembler used in tests reads the same table.
 */
public enum Opcode {
    UNREACHABLE("unreachable", 0x00, Immediate.NONE),
    NOP("nop", 0x01, Immediate.NONE),
    BLOCK("block", 0x02, Immediate.BLOCK),
    LOOP("loop", 0x03, Immediate.BLOCK),
    IF("if", 0x04, Immediate.BLOCK),
    ELSE("else", 0x05, Immediate.NONE),
    END("end", 0x0B, Immediate.NONE),
    BR("br", 0x0C, Immediate.LABEL),
    BR_IF("br_if", 0x0D, Immediate.LABEL),
    BR_TABLE("br_table", 0x0E, Immediate.TABLE),
    RETURN("return", 0x0F, Immediate.NONE),
    CALL("call", 0x10, Immediate.FUNC),
    DROP("drop", 0x1A, Immediate.NONE),
    SELECT("select", 0x1B, Immediate.NONE),
    LOCAL_GET("local.get", 0x20, Immediate.LOCAL),
    LOCAL_SET("local.set", 0x21, Immediate.LOCAL),
    LOCAL_TEE("local.tee", 0x22, Immediate.LOCAL),
    GLOBAL_GET("global.get", 0x23, Immediate.GLOBAL),
    GLOBAL_SET("global.set", 0x24, Immediate.GLOBAL),
    I32_LOAD("i32.load", 0x28, Immediate.MEM),
    I64_LOAD("i64.load", 0x29, Immediate.MEM),
    F32_LOAD("f32.load", 0x2A, Immediate.MEM),
    F64_LOAD("f64.load", 0x2B, Immediate.MEM),
    I32_LOAD8_S("i32.load8_s", 0x2C, Immediate.MEM),
    I32_LOAD8_U("i32.load8_u", 0x2D, Immediate.MEM),
    I32_LOAD16_S("i32.load16_s", 0x2E, Immediate.MEM),
    I32_LOAD16_U("i32.load16_u", 0x2F, Immediate.MEM),
    I64_LOAD8_S("i64.load8_s", 0x30, Immediate.MEM),
    I64_LOAD8_U("i64.load8_u", 0x31, Immediate.MEM),
    I64_LOAD16_S("i64.load16_s", 0x32, Immediate.MEM),
    I64_LOAD16_U("i64.load16_u", 0x33, Immediate.MEM),
    I64_LOAD32_S("i64.load32_s", 0x34, Immediate.MEM),
    I64_LOAD32_U("i64.load32_u", 0x35, Immediate.MEM),
    I32_STORE("i32.store", 0x36, Immediate.MEM),
    I64_STORE("i64.store", 0x37, Immediate.MEM),
    F32_STORE("f32.store", 0x38, Immediate.MEM),
    F64_STORE("f64.store", 0x39, Immediate.MEM),
    I32_STORE8("i32.store8", 0x3A, Immediate.MEM),
    I32_STORE16("i32.store16", 0x3B, Immediate.MEM),
    I64_STORE8("i64.store8", 0x3C, Immediate.MEM),
    I64_STORE16("i64.store16", 0x3D, Immediate.MEM),
    I64_STORE32("i64.store32", 0x3E, Immediate.MEM),
    MEMORY_SIZE("memory.size", 0x3F, Immediate.MEMIDX),
    I32_CONST("i32.const", 0x41, Immediate.I32),
    I64_CONST("i64.const", 0x42, Immediate.I64),
    F32_CONST("f32.const", 0x43, Immediate.F32),
    F64_CONST("f64.const", 0x44, Immediate.F64),
    I32_EQZ("i32.eqz", 0x45, Immediate.NONE),
    I32_EQ("i32.eq", 0x46, Immediate.NONE),
    I32_NE("i32.ne", 0x47, Immediate.NONE),
    I32_LT_S("i32.lt_s", 0x48, Immediate.NONE),
    I32_LT_U("i32.lt_u", 0x49, Immediate.NONE),
    I32_GT_S("i32.gt_s", 0x4A, Immediate.NONE),
    I32_GT_U("i32.gt_u", 0x4B, Immediate.NONE),
    I32_LE_S("i32.le_s", 0x4C, Immediate.NONE),
    I32_LE_U("i32.le_u", 0x4D, Immediate.NONE),
    I32_GE_S("i32.ge_s", 0x4E, Immediate.NONE),
    I32_GE_U("i32.ge_u", 0x4F, Immediate.NONE),
    I64_EQZ("i64.eqz", 0x50, Immediate.NONE),
    I64_EQ("i64.eq", 0x51, Immediate.NONE),
    I64_NE("i64.ne", 0x52, Immediate.NONE),
    I64_LT_S("i64.lt_s", 0x53, Immediate.NONE),
    I64_LT_U("i64.lt_u", 0x54, Immediate.NONE),
    I64_GT_S("i64.gt_s", 0x55, Immediate.NONE),
    I64_GT_U("i64.gt_u", 0x56, Immediate.NONE),
    I64_LE_S("i64.le_s", 0x57, Immediate.NONE),
    I64_LE_U("i64.le_u", 0x58, Immediate.NONE),
    I64_GE_S("i64.ge_s", 0x59, Immediate.NONE),
    I64_GE_U("i64.ge_u", 0x5A, Immediate.NONE),
    F32_EQ("f32.eq", 0x5B, Immediate.NONE),
    F32_NE("f32.ne", 0x5C, Immediate.NONE),
    F32_LT("f32.lt", 0x5D, Immediate.NONE),
    F32_GT("f32.gt", 0x5E, Immediate.NONE),
    F32_LE("f32.le", 0x5F, Immediate.NONE),
    F32_GE("f32.ge", 0x60, Immediate.NONE),
    F64_EQ("f64.eq", 0x61, Immediate.NONE),
    F64_NE("f64.ne", 0x62, Immediate.NONE),
    F64_LT("f64.lt", 0x63, Immediate.NONE),
    F64_GT("f64.gt", 0x64, Immediate.NONE),
    F64_LE("f64.le", 0x65, Immediate.NONE),
    F64_GE("f64.ge", 0x66, Immediate.NONE),
    I32_CLZ("i32.clz", 0x67, Immediate.NONE),
    I32_CTZ("i32.ctz", 0x68, Immediate.NONE),
    I32_POPCNT("i32.popcnt", 0x69, Immediate.NONE),
    I32_ADD("i32.add", 0x6A, Immediate.NONE),
    I32_SUB("i32.sub", 0x6B, Immediate.NONE),
    I32_MUL("i32.mul", 0x6C, Immediate.NONE),
    I32_DIV_S("i32.div_s", 0x6D, Immediate.NONE),
    I32_DIV_U("i32.div_u", 0x6E, Immediate.NONE),
    I32_REM_S("i32.rem_s", 0x6F, Immediate.NONE),
    I32_REM_U("i32.rem_u", 0x70, Immediate.NONE),
    I32_AND("i32.and", 0x71, Immediate.NONE),
    I32_OR("i32.or", 0x72, Immediate.NONE),
    I32_XOR("i32.xor", 0x73, Immediate.NONE),
    I32_SHL("i32.shl", 0x74, Immediate.NONE),
    I32_SHR_S("i32.shr_s", 0x75, Immediate.NONE),
    I32_SHR_U("i32.shr_u", 0x76, Immediate.NONE),
    I32_ROTL("i32.rotl", 0x77, Immediate.NONE),
    I32_ROTR("i32.rotr", 0x78, Immediate.NONE),
    I64_CLZ("i64.clz", 0x79, Immediate.NONE),
    I64_CTZ("i64.ctz", 0x7A, Immediate.NONE),
    I64_POPCNT("i64.popcnt", 0x7B, Immediate.NONE),
    I64_ADD("i64.add", 0x7C, Immediate.NONE),
    I64_SUB("i64.sub", 0x7D, Immediate.NONE),
    I64_MUL("i64.mul", 0x7E, Immediate.NONE),
    I64_DIV_S("i64.div_s", 0x7F, Immediate.NONE),
    I64_DIV_U("i64.div_u", 0x80, Immediate.NONE),
    I64_REM_S("i64.rem_s", 0x81, Immediate.NONE),
    I64_REM_U("i64.rem_u", 0x82, Immediate.NONE),
    I64_AND("i64.and", 0x83, Immediate.NONE),
    I64_OR("i64.or", 0x84, Immediate.NONE),
    I64_XOR("i64.xor", 0x85, Immediate.NONE),
    I64_SHL("i64.shl", 0x86, Immediate.NONE),
    I64_SHR_S("i64.shr_s", 0x87, Immediate.NONE),
    I64_SHR_U("i64.shr_u", 0x88, Immediate.NONE),
    I64_ROTL("i64.rotl", 0x89, Immediate.NONE),
    I64_ROTR("i64.rotr", 0x8A, Immediate.NONE),
    F32_ABS("f32.abs", 0x8B, Immediate.NONE),
    F32_NEG("f32.neg", 0x8C, Immediate.NONE),
    F32_CEIL("f32.ceil", 0x8D, Immediate.NONE),
    F32_FLOOR("f32.floor", 0x8E, Immediate.NONE),
    F32_TRUNC("f32.trunc", 0x8F, Immediate.NONE),
    F32_NEAREST("f32.nearest", 0x90, Immediate.NONE),
    F32_SQRT("f32.sqrt", 0x91, Immediate.NONE),
    F32_ADD("f32.add", 0x92, Immediate.NONE),
    F32_SUB("f32.sub", 0x93, Immediate.NONE),
    F32_MUL("f32.mul", 0x94, Immediate.NONE),
    F32_DIV("f32.div", 0x95, Immediate.NONE),
    F32_MIN("f32.min", 0x96, Immediate.NONE),
    F32_MAX("f32.max", 0x97, Immediate.NONE),
    F32_COPYSIGN("f32.copysign", 0x98, Immediate.NONE),
    F64_ABS("f64.abs", 0x99, Immediate.NONE),
    F64_NEG("f64.neg", 0x9A, Immediate.NONE),
    F64_CEIL("f64.ceil", 0x9B, Immediate.NONE),
    F64_FLOOR("f64.floor", 0x9C, Immediate.NONE),
    F64_TRUNC("f64.trunc", 0x9D, Immediate.NONE),
    F64_NEAREST("f64.nearest", 0x9E, Immediate.NONE),
    F64_SQRT("f64.sqrt", 0x9F, Immediate.NONE),
    F64_ADD("f64.add", 0xA0, Immediate.NONE),
    F64_SUB("f64.sub", 0xA1, Immediate.NONE),
    F64_MUL("f64.mul", 0xA2, Immediate.NONE),
    F64_DIV("f64.div", 0xA3, Immediate.NONE),
    F64_MIN("f64.min", 0xA4, Immediate.NONE),
    F64_MAX("f64.max", 0xA5, Immediate.NONE),
    F64_COPYSIGN("f64.copysign", 0xA6, Immediate.NONE),
    I32_WRAP_I64("i32.wrap_i64", 0xA7, Immediate.NONE),
    I32_TRUNC_F32_S("i32.trunc_f32_s", 0xA8, Immediate.NONE),
    I32_TRUNC_F32_U("i32.trunc_f32_u", 0xA9, Immediate.NONE),
    I32_TRUNC_F64_S("i32.trunc_f64_s", 0xAA, Immediate.NONE),
    I32_TRUNC_F64_U("i32.trunc_f64_u", 0xAB, Immediate.NONE),
    I64_EXTEND_I32_S("i64.extend_i32_s", 0xAC, Immediate.NONE),
    I64_EXTEND_I32_U("i64.extend_i32_u", 0xAD, Immediate.NONE),
    I64_TRUNC_F32_S("i64.trunc_f32_s", 0xAE, Immediate.NONE),
    I64_TRUNC_F32_U("i64.trunc_f32_u", 0xAF, Immediate.NONE),
    I64_TRUNC_F64_S("i64.trunc_f64_s", 0xB0, Immediate.NONE),
    I64_TRUNC_F64_U("i64.trunc_f64_u", 0xB1, Immediate.NONE),
    F32_CONVERT_I32_S("f32.convert_i32_s", 0xB2, Immediate.NONE),
    F32_CONVERT_I32_U("f32.convert_i32_u", 0xB3, Immediate.NONE),
    F32_CONVERT_I64_S("f32.convert_i64_s", 0xB4, Immediate.NONE),
    F32_CONVERT_I64_U("f32.convert_i64_u", 0xB5, Immediate.NONE),
    F32_DEMOTE_F64("f32.demote_f64", 0xB6, Immediate.NONE),
    F64_CONVERT_I32_S("f64.convert_i32_s", 0xB7, Immediate.NONE),
    F64_CONVERT_I32_U("f64.convert_i32_u", 0xB8, Immediate.NONE),
    F64_CONVERT_I64_S("f64.convert_i64_s", 0xB9, Immediate.NONE),
    F64_CONVERT_I64_U("f64.convert_i64_u", 0xBA, Immediate.NONE),
    F64_PROMOTE_F32("f64.promote_f32", 0xBB, Immediate.NONE),
    I32_REINTERPRET_F32("i32.reinterpret_f32", 0xBC, Immediate.NONE),
    I64_REINTERPRET_F64("i64.reinterpret_f64", 0xBD, Immediate.NONE),
    F32_REINTERPRET_I32("f32.reinterpret_i32", 0xBE, Immediate.NONE),
    F64_REINTERPRET_I64("f64.reinterpret_i64", 0xBF, Immediate.NONE);

    /** What follows the opcode byte in the binary format. */
    public enum Immediate {
        NONE, BLOCK, LABEL, TABLE, FUNC, LOCAL, GLOBAL, MEM, MEMIDX, I32, I64, F32, F64
    }

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final String text;
    private final int code;
    private final Immediate immediate;

    Opcode(String text, int code, Immediate immediate) {
        this.text = text;
        this.code = code;
        this.immediate = immediate;
    }

    public String text() {
        return text;
    }

    public int code() {
        return code;
    }

    public Immediate immediate() {
        return immediate;
    }

    /** The opcode with this byte, or null if the MVP has none. */
    public static Opcode byCode(int code) {
        return BY_CODE[code & 0xFF];
    }
}
