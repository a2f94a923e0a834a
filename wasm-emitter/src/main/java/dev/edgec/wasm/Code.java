package dev.edgec.wasm;

/**
 * The typed, chainable writer of a function body, and the only place opcodes are written:
 * {@code code.localGet(0).f32Load(16).f32Add()}. It checks that blocks balance but does not
 * validate types; tests run every module through real validators (STYLE.md, "the writer does not
 * validate").
 */
public final class Code {
    private final WasmBytes out = new WasmBytes(256);
    private int openBlocks;

    private Code op(Opcode op) {
        out.u8(op.code());
        return this;
    }

    private Code memory(Opcode op, MemArg m) {
        out.u8(op.code()).u32(m.alignLog2()).u32(m.offset());
        return this;
    }

    // --- control -----------------------------------------------------------------------------

    public Code block(BlockType type) {
        openBlocks++;
        out.u8(Opcode.BLOCK.code()).u8(type.code());
        return this;
    }

    public Code block() {
        return block(BlockType.EMPTY);
    }

    public Code loop(BlockType type) {
        openBlocks++;
        out.u8(Opcode.LOOP.code()).u8(type.code());
        return this;
    }

    public Code loop() {
        return loop(BlockType.EMPTY);
    }

    public Code if_(BlockType type) {
        openBlocks++;
        out.u8(Opcode.IF.code()).u8(type.code());
        return this;
    }

    public Code if_() {
        return if_(BlockType.EMPTY);
    }

    public Code else_() {
        return op(Opcode.ELSE);
    }

    /** Closes the innermost block, loop or if. */
    public Code end() {
        if (openBlocks == 0) {
            throw new IllegalStateException("end() without an open block");
        }
        openBlocks--;
        return op(Opcode.END);
    }

    public Code br(int depth) {
        out.u8(Opcode.BR.code()).u32(depth);
        return this;
    }

    public Code brIf(int depth) {
        out.u8(Opcode.BR_IF.code()).u32(depth);
        return this;
    }

    public Code brTable(int[] depths, int defaultDepth) {
        out.u8(Opcode.BR_TABLE.code()).u32(depths.length);
        for (int d : depths) {
            out.u32(d);
        }
        out.u32(defaultDepth);
        return this;
    }

    public Code call(int functionIndex) {
        out.u8(Opcode.CALL.code()).u32(functionIndex);
        return this;
    }

    // --- variables ---------------------------------------------------------------------------

    public Code localGet(int index) {
        out.u8(Opcode.LOCAL_GET.code()).u32(index);
        return this;
    }

    public Code localSet(int index) {
        out.u8(Opcode.LOCAL_SET.code()).u32(index);
        return this;
    }

    public Code localTee(int index) {
        out.u8(Opcode.LOCAL_TEE.code()).u32(index);
        return this;
    }

    public Code globalGet(int index) {
        out.u8(Opcode.GLOBAL_GET.code()).u32(index);
        return this;
    }

    public Code globalSet(int index) {
        out.u8(Opcode.GLOBAL_SET.code()).u32(index);
        return this;
    }

    public Code memorySize() {
        out.u8(Opcode.MEMORY_SIZE.code()).u8(0);
        return this;
    }

    // --- constants ---------------------------------------------------------------------------

    public Code i32Const(int v) {
        out.u8(Opcode.I32_CONST.code()).s32(v);
        return this;
    }

    public Code i64Const(long v) {
        out.u8(Opcode.I64_CONST.code()).s64(v);
        return this;
    }

    public Code f32Const(float v) {
        out.u8(Opcode.F32_CONST.code()).f32(v);
        return this;
    }

    public Code f64Const(double v) {
        out.u8(Opcode.F64_CONST.code()).f64(v);
        return this;
    }

    // --- memory ------------------------------------------------------------------------------

    public Code i32Load(MemArg m) {
        return memory(Opcode.I32_LOAD, m);
    }

    /** i32.load at a constant byte offset, natural alignment. */
    public Code i32Load(int offset) {
        return memory(Opcode.I32_LOAD, MemArg.natural(Opcode.I32_LOAD, offset));
    }

    public Code i64Load(MemArg m) {
        return memory(Opcode.I64_LOAD, m);
    }

    /** i64.load at a constant byte offset, natural alignment. */
    public Code i64Load(int offset) {
        return memory(Opcode.I64_LOAD, MemArg.natural(Opcode.I64_LOAD, offset));
    }

    public Code f32Load(MemArg m) {
        return memory(Opcode.F32_LOAD, m);
    }

    /** f32.load at a constant byte offset, natural alignment. */
    public Code f32Load(int offset) {
        return memory(Opcode.F32_LOAD, MemArg.natural(Opcode.F32_LOAD, offset));
    }

    public Code f64Load(MemArg m) {
        return memory(Opcode.F64_LOAD, m);
    }

    /** f64.load at a constant byte offset, natural alignment. */
    public Code f64Load(int offset) {
        return memory(Opcode.F64_LOAD, MemArg.natural(Opcode.F64_LOAD, offset));
    }

    public Code i32Load8S(MemArg m) {
        return memory(Opcode.I32_LOAD8_S, m);
    }

    /** i32.load8_s at a constant byte offset, natural alignment. */
    public Code i32Load8S(int offset) {
        return memory(Opcode.I32_LOAD8_S, MemArg.natural(Opcode.I32_LOAD8_S, offset));
    }

    public Code i32Load8U(MemArg m) {
        return memory(Opcode.I32_LOAD8_U, m);
    }

    /** i32.load8_u at a constant byte offset, natural alignment. */
    public Code i32Load8U(int offset) {
        return memory(Opcode.I32_LOAD8_U, MemArg.natural(Opcode.I32_LOAD8_U, offset));
    }

    public Code i32Load16S(MemArg m) {
        return memory(Opcode.I32_LOAD16_S, m);
    }

    /** i32.load16_s at a constant byte offset, natural alignment. */
    public Code i32Load16S(int offset) {
        return memory(Opcode.I32_LOAD16_S, MemArg.natural(Opcode.I32_LOAD16_S, offset));
    }

    public Code i32Load16U(MemArg m) {
        return memory(Opcode.I32_LOAD16_U, m);
    }

    /** i32.load16_u at a constant byte offset, natural alignment. */
    public Code i32Load16U(int offset) {
        return memory(Opcode.I32_LOAD16_U, MemArg.natural(Opcode.I32_LOAD16_U, offset));
    }

    public Code i64Load8S(MemArg m) {
        return memory(Opcode.I64_LOAD8_S, m);
    }

    /** i64.load8_s at a constant byte offset, natural alignment. */
    public Code i64Load8S(int offset) {
        return memory(Opcode.I64_LOAD8_S, MemArg.natural(Opcode.I64_LOAD8_S, offset));
    }

    public Code i64Load8U(MemArg m) {
        return memory(Opcode.I64_LOAD8_U, m);
    }

    /** i64.load8_u at a constant byte offset, natural alignment. */
    public Code i64Load8U(int offset) {
        return memory(Opcode.I64_LOAD8_U, MemArg.natural(Opcode.I64_LOAD8_U, offset));
    }

    public Code i64Load16S(MemArg m) {
        return memory(Opcode.I64_LOAD16_S, m);
    }

    /** i64.load16_s at a constant byte offset, natural alignment. */
    public Code i64Load16S(int offset) {
        return memory(Opcode.I64_LOAD16_S, MemArg.natural(Opcode.I64_LOAD16_S, offset));
    }

    public Code i64Load16U(MemArg m) {
        return memory(Opcode.I64_LOAD16_U, m);
    }

    /** i64.load16_u at a constant byte offset, natural alignment. */
    public Code i64Load16U(int offset) {
        return memory(Opcode.I64_LOAD16_U, MemArg.natural(Opcode.I64_LOAD16_U, offset));
    }

    public Code i64Load32S(MemArg m) {
        return memory(Opcode.I64_LOAD32_S, m);
    }

    /** i64.load32_s at a constant byte offset, natural alignment. */
    public Code i64Load32S(int offset) {
        return memory(Opcode.I64_LOAD32_S, MemArg.natural(Opcode.I64_LOAD32_S, offset));
    }

    public Code i64Load32U(MemArg m) {
        return memory(Opcode.I64_LOAD32_U, m);
    }

    /** i64.load32_u at a constant byte offset, natural alignment. */
    public Code i64Load32U(int offset) {
        return memory(Opcode.I64_LOAD32_U, MemArg.natural(Opcode.I64_LOAD32_U, offset));
    }

    public Code i32Store(MemArg m) {
        return memory(Opcode.I32_STORE, m);
    }

    /** i32.store at a constant byte offset, natural alignment. */
    public Code i32Store(int offset) {
        return memory(Opcode.I32_STORE, MemArg.natural(Opcode.I32_STORE, offset));
    }

    public Code i64Store(MemArg m) {
        return memory(Opcode.I64_STORE, m);
    }

    /** i64.store at a constant byte offset, natural alignment. */
    public Code i64Store(int offset) {
        return memory(Opcode.I64_STORE, MemArg.natural(Opcode.I64_STORE, offset));
    }

    public Code f32Store(MemArg m) {
        return memory(Opcode.F32_STORE, m);
    }

    /** f32.store at a constant byte offset, natural alignment. */
    public Code f32Store(int offset) {
        return memory(Opcode.F32_STORE, MemArg.natural(Opcode.F32_STORE, offset));
    }

    public Code f64Store(MemArg m) {
        return memory(Opcode.F64_STORE, m);
    }

    /** f64.store at a constant byte offset, natural alignment. */
    public Code f64Store(int offset) {
        return memory(Opcode.F64_STORE, MemArg.natural(Opcode.F64_STORE, offset));
    }

    public Code i32Store8(MemArg m) {
        return memory(Opcode.I32_STORE8, m);
    }

    /** i32.store8 at a constant byte offset, natural alignment. */
    public Code i32Store8(int offset) {
        return memory(Opcode.I32_STORE8, MemArg.natural(Opcode.I32_STORE8, offset));
    }

    public Code i32Store16(MemArg m) {
        return memory(Opcode.I32_STORE16, m);
    }

    /** i32.store16 at a constant byte offset, natural alignment. */
    public Code i32Store16(int offset) {
        return memory(Opcode.I32_STORE16, MemArg.natural(Opcode.I32_STORE16, offset));
    }

    public Code i64Store8(MemArg m) {
        return memory(Opcode.I64_STORE8, m);
    }

    /** i64.store8 at a constant byte offset, natural alignment. */
    public Code i64Store8(int offset) {
        return memory(Opcode.I64_STORE8, MemArg.natural(Opcode.I64_STORE8, offset));
    }

    public Code i64Store16(MemArg m) {
        return memory(Opcode.I64_STORE16, m);
    }

    /** i64.store16 at a constant byte offset, natural alignment. */
    public Code i64Store16(int offset) {
        return memory(Opcode.I64_STORE16, MemArg.natural(Opcode.I64_STORE16, offset));
    }

    public Code i64Store32(MemArg m) {
        return memory(Opcode.I64_STORE32, m);
    }

    /** i64.store32 at a constant byte offset, natural alignment. */
    public Code i64Store32(int offset) {
        return memory(Opcode.I64_STORE32, MemArg.natural(Opcode.I64_STORE32, offset));
    }
    // --- instructions without immediates -----------------------------------------------------

    public Code unreachable() {
        return op(Opcode.UNREACHABLE);
    }

    public Code nop() {
        return op(Opcode.NOP);
    }

    public Code return_() {
        return op(Opcode.RETURN);
    }

    public Code drop() {
        return op(Opcode.DROP);
    }

    public Code select() {
        return op(Opcode.SELECT);
    }

    public Code i32Eqz() {
        return op(Opcode.I32_EQZ);
    }

    public Code i32Eq() {
        return op(Opcode.I32_EQ);
    }

    public Code i32Ne() {
        return op(Opcode.I32_NE);
    }

    public Code i32LtS() {
        return op(Opcode.I32_LT_S);
    }

    public Code i32LtU() {
        return op(Opcode.I32_LT_U);
    }

    public Code i32GtS() {
        return op(Opcode.I32_GT_S);
    }

    public Code i32GtU() {
        return op(Opcode.I32_GT_U);
    }

    public Code i32LeS() {
        return op(Opcode.I32_LE_S);
    }

    public Code i32LeU() {
        return op(Opcode.I32_LE_U);
    }

    public Code i32GeS() {
        return op(Opcode.I32_GE_S);
    }

    public Code i32GeU() {
        return op(Opcode.I32_GE_U);
    }

    public Code i64Eqz() {
        return op(Opcode.I64_EQZ);
    }

    public Code i64Eq() {
        return op(Opcode.I64_EQ);
    }

    public Code i64Ne() {
        return op(Opcode.I64_NE);
    }

    public Code i64LtS() {
        return op(Opcode.I64_LT_S);
    }

    public Code i64LtU() {
        return op(Opcode.I64_LT_U);
    }

    public Code i64GtS() {
        return op(Opcode.I64_GT_S);
    }

    public Code i64GtU() {
        return op(Opcode.I64_GT_U);
    }

    public Code i64LeS() {
        return op(Opcode.I64_LE_S);
    }

    public Code i64LeU() {
        return op(Opcode.I64_LE_U);
    }

    public Code i64GeS() {
        return op(Opcode.I64_GE_S);
    }

    public Code i64GeU() {
        return op(Opcode.I64_GE_U);
    }

    public Code f32Eq() {
        return op(Opcode.F32_EQ);
    }

    public Code f32Ne() {
        return op(Opcode.F32_NE);
    }

    public Code f32Lt() {
        return op(Opcode.F32_LT);
    }

    public Code f32Gt() {
        return op(Opcode.F32_GT);
    }

    public Code f32Le() {
        return op(Opcode.F32_LE);
    }

    public Code f32Ge() {
        return op(Opcode.F32_GE);
    }

    public Code f64Eq() {
        return op(Opcode.F64_EQ);
    }

    public Code f64Ne() {
        return op(Opcode.F64_NE);
    }

    public Code f64Lt() {
        return op(Opcode.F64_LT);
    }

    public Code f64Gt() {
        return op(Opcode.F64_GT);
    }

    public Code f64Le() {
        return op(Opcode.F64_LE);
    }

    public Code f64Ge() {
        return op(Opcode.F64_GE);
    }

    public Code i32Clz() {
        return op(Opcode.I32_CLZ);
    }

    public Code i32Ctz() {
        return op(Opcode.I32_CTZ);
    }

    public Code i32Popcnt() {
        return op(Opcode.I32_POPCNT);
    }

    public Code i32Add() {
        return op(Opcode.I32_ADD);
    }

    public Code i32Sub() {
        return op(Opcode.I32_SUB);
    }

    public Code i32Mul() {
        return op(Opcode.I32_MUL);
    }

    public Code i32DivS() {
        return op(Opcode.I32_DIV_S);
    }

    public Code i32DivU() {
        return op(Opcode.I32_DIV_U);
    }

    public Code i32RemS() {
        return op(Opcode.I32_REM_S);
    }

    public Code i32RemU() {
        return op(Opcode.I32_REM_U);
    }

    public Code i32And() {
        return op(Opcode.I32_AND);
    }

    public Code i32Or() {
        return op(Opcode.I32_OR);
    }

    public Code i32Xor() {
        return op(Opcode.I32_XOR);
    }

    public Code i32Shl() {
        return op(Opcode.I32_SHL);
    }

    public Code i32ShrS() {
        return op(Opcode.I32_SHR_S);
    }

    public Code i32ShrU() {
        return op(Opcode.I32_SHR_U);
    }

    public Code i32Rotl() {
        return op(Opcode.I32_ROTL);
    }

    public Code i32Rotr() {
        return op(Opcode.I32_ROTR);
    }

    public Code i64Clz() {
        return op(Opcode.I64_CLZ);
    }

    public Code i64Ctz() {
        return op(Opcode.I64_CTZ);
    }

    public Code i64Popcnt() {
        return op(Opcode.I64_POPCNT);
    }

    public Code i64Add() {
        return op(Opcode.I64_ADD);
    }

    public Code i64Sub() {
        return op(Opcode.I64_SUB);
    }

    public Code i64Mul() {
        return op(Opcode.I64_MUL);
    }

    public Code i64DivS() {
        return op(Opcode.I64_DIV_S);
    }

    public Code i64DivU() {
        return op(Opcode.I64_DIV_U);
    }

    public Code i64RemS() {
        return op(Opcode.I64_REM_S);
    }

    public Code i64RemU() {
        return op(Opcode.I64_REM_U);
    }

    public Code i64And() {
        return op(Opcode.I64_AND);
    }

    public Code i64Or() {
        return op(Opcode.I64_OR);
    }

    public Code i64Xor() {
        return op(Opcode.I64_XOR);
    }

    public Code i64Shl() {
        return op(Opcode.I64_SHL);
    }

    public Code i64ShrS() {
        return op(Opcode.I64_SHR_S);
    }

    public Code i64ShrU() {
        return op(Opcode.I64_SHR_U);
    }

    public Code i64Rotl() {
        return op(Opcode.I64_ROTL);
    }

    public Code i64Rotr() {
        return op(Opcode.I64_ROTR);
    }

    public Code f32Abs() {
        return op(Opcode.F32_ABS);
    }

    public Code f32Neg() {
        return op(Opcode.F32_NEG);
    }

    public Code f32Ceil() {
        return op(Opcode.F32_CEIL);
    }

    public Code f32Floor() {
        return op(Opcode.F32_FLOOR);
    }

    public Code f32Trunc() {
        return op(Opcode.F32_TRUNC);
    }

    public Code f32Nearest() {
        return op(Opcode.F32_NEAREST);
    }

    public Code f32Sqrt() {
        return op(Opcode.F32_SQRT);
    }

    public Code f32Add() {
        return op(Opcode.F32_ADD);
    }

    public Code f32Sub() {
        return op(Opcode.F32_SUB);
    }

    public Code f32Mul() {
        return op(Opcode.F32_MUL);
    }

    public Code f32Div() {
        return op(Opcode.F32_DIV);
    }

    public Code f32Min() {
        return op(Opcode.F32_MIN);
    }

    public Code f32Max() {
        return op(Opcode.F32_MAX);
    }

    public Code f32Copysign() {
        return op(Opcode.F32_COPYSIGN);
    }

    public Code f64Abs() {
        return op(Opcode.F64_ABS);
    }

    public Code f64Neg() {
        return op(Opcode.F64_NEG);
    }

    public Code f64Ceil() {
        return op(Opcode.F64_CEIL);
    }

    public Code f64Floor() {
        return op(Opcode.F64_FLOOR);
    }

    public Code f64Trunc() {
        return op(Opcode.F64_TRUNC);
    }

    public Code f64Nearest() {
        return op(Opcode.F64_NEAREST);
    }

    public Code f64Sqrt() {
        return op(Opcode.F64_SQRT);
    }

    public Code f64Add() {
        return op(Opcode.F64_ADD);
    }

    public Code f64Sub() {
        return op(Opcode.F64_SUB);
    }

    public Code f64Mul() {
        return op(Opcode.F64_MUL);
    }

    public Code f64Div() {
        return op(Opcode.F64_DIV);
    }

    public Code f64Min() {
        return op(Opcode.F64_MIN);
    }

    public Code f64Max() {
        return op(Opcode.F64_MAX);
    }

    public Code f64Copysign() {
        return op(Opcode.F64_COPYSIGN);
    }

    public Code i32WrapI64() {
        return op(Opcode.I32_WRAP_I64);
    }

    public Code i32TruncF32S() {
        return op(Opcode.I32_TRUNC_F32_S);
    }

    public Code i32TruncF32U() {
        return op(Opcode.I32_TRUNC_F32_U);
    }

    public Code i32TruncF64S() {
        return op(Opcode.I32_TRUNC_F64_S);
    }

    public Code i32TruncF64U() {
        return op(Opcode.I32_TRUNC_F64_U);
    }

    public Code i64ExtendI32S() {
        return op(Opcode.I64_EXTEND_I32_S);
    }

    public Code i64ExtendI32U() {
        return op(Opcode.I64_EXTEND_I32_U);
    }

    public Code i64TruncF32S() {
        return op(Opcode.I64_TRUNC_F32_S);
    }

    public Code i64TruncF32U() {
        return op(Opcode.I64_TRUNC_F32_U);
    }

    public Code i64TruncF64S() {
        return op(Opcode.I64_TRUNC_F64_S);
    }

    public Code i64TruncF64U() {
        return op(Opcode.I64_TRUNC_F64_U);
    }

    public Code f32ConvertI32S() {
        return op(Opcode.F32_CONVERT_I32_S);
    }

    public Code f32ConvertI32U() {
        return op(Opcode.F32_CONVERT_I32_U);
    }

    public Code f32ConvertI64S() {
        return op(Opcode.F32_CONVERT_I64_S);
    }

    public Code f32ConvertI64U() {
        return op(Opcode.F32_CONVERT_I64_U);
    }

    public Code f32DemoteF64() {
        return op(Opcode.F32_DEMOTE_F64);
    }

    public Code f64ConvertI32S() {
        return op(Opcode.F64_CONVERT_I32_S);
    }

    public Code f64ConvertI32U() {
        return op(Opcode.F64_CONVERT_I32_U);
    }

    public Code f64ConvertI64S() {
        return op(Opcode.F64_CONVERT_I64_S);
    }

    public Code f64ConvertI64U() {
        return op(Opcode.F64_CONVERT_I64_U);
    }

    public Code f64PromoteF32() {
        return op(Opcode.F64_PROMOTE_F32);
    }

    public Code i32ReinterpretF32() {
        return op(Opcode.I32_REINTERPRET_F32);
    }

    public Code i64ReinterpretF64() {
        return op(Opcode.I64_REINTERPRET_F64);
    }

    public Code f32ReinterpretI32() {
        return op(Opcode.F32_REINTERPRET_I32);
    }

    public Code f64ReinterpretI64() {
        return op(Opcode.F64_REINTERPRET_I64);
    }
    // --- output ------------------------------------------------------------------------------

    /** Bytes written so far (without the final {@code end}). */
    public int size() {
        return out.size();
    }

    /** Number of blocks opened and not yet closed. */
    public int openBlocks() {
        return openBlocks;
    }

    WasmBytes bytes() {
        return out;
    }
}
