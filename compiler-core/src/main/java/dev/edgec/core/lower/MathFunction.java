package dev.edgec.core.lower;

import dev.edgec.core.lower.math.AtanF64;
import dev.edgec.core.lower.math.ErfF32;
import dev.edgec.core.lower.math.ExpF32;
import dev.edgec.core.lower.math.ExpF64;
import dev.edgec.core.lower.math.Float16F32;
import dev.edgec.core.lower.math.HyperbolicF32;
import dev.edgec.core.lower.math.InverseTrigF32;
import dev.edgec.core.lower.math.LogF64;
import dev.edgec.core.lower.math.PowF32;
import dev.edgec.core.lower.math.TrigF32;
import dev.edgec.core.lower.math.LogF32;
import dev.edgec.core.lower.math.SigmoidF32;
import dev.edgec.core.lower.math.TanhF32;
import dev.edgec.wasm.FuncType;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * Functions with no wasm instruction, emitted as small wasm functions only when a kernel uses them.
 * Each body lives in its own class under {@code lower.math}, with its maximum error documented there
 * and checked by its test.
 */
public enum MathFunction {
    EXP_F32(unaryF32(), ExpF32::emit),
    SIGMOID_F32(unaryF32(), SigmoidF32::emit),
    TANH_F32(unaryF32(), TanhF32::emit),
    LOG_F32(unaryF32(), LogF32::emit),
    /** x^y for float32 x and y (two arguments). */
    POW_F32(FuncType.of(List.of(ValType.F32, ValType.F32), ValType.F32), PowF32::emit),
    SIN_F32(unaryF32(), TrigF32::emitSin),
    COS_F32(unaryF32(), TrigF32::emitCos),
    TAN_F32(unaryF32(), TrigF32::emitTan),
    ATAN_F32(unaryF32(), InverseTrigF32::emitAtan),
    ASIN_F32(unaryF32(), InverseTrigF32::emitAsin),
    ACOS_F32(unaryF32(), InverseTrigF32::emitAcos),
    SINH_F32(unaryF32(), HyperbolicF32::emitSinh),
    COSH_F32(unaryF32(), HyperbolicF32::emitCosh),
    ASINH_F32(unaryF32(), HyperbolicF32::emitAsinh),
    ACOSH_F32(unaryF32(), HyperbolicF32::emitAcosh),
    ATANH_F32(unaryF32(), HyperbolicF32::emitAtanh),
    ERF_F32(unaryF32(), ErfF32::emit),
    /** float64 atan and log: building blocks of the float32 helpers above. */
    ATAN_F64(unaryF64(), AtanF64::emit),
    LOG_F64(unaryF64(), LogF64::emit),
    /** float64 e^x, for kernels computing in float64. */
    EXP_F64(unaryF64(), ExpF64::emit),
    ERF_F64(unaryF64(), ErfF32::emitF64),
    /** binary16 bits (low 16 bits of an i32) to float32, exactly. */
    F16_TO_F32(FuncType.of(List.of(ValType.I32), ValType.F32), Float16F32::emitToF32),
    /** float32 to binary16 bits, rounding to nearest even. */
    F32_TO_F16(FuncType.of(List.of(ValType.F32), ValType.I32), Float16F32::emitFromF32);

    /** Writes a function body; may ask the library for other helpers it calls. */
    @FunctionalInterface
    public interface Body {
        void emit(FunctionBuilder f, MathLibrary library);
    }

    private final FuncType type;
    private final Body body;

    MathFunction(FuncType type, Body body) {
        this.type = type;
        this.body = body;
    }

    public FuncType type() {
        return type;
    }

    Body body() {
        return body;
    }

    private static FuncType unaryF64() {
        return FuncType.of(List.of(ValType.F64), ValType.F64);
    }

    private static FuncType unaryF32() {
        return FuncType.of(List.of(ValType.F32), ValType.F32);
    }
}
