package dev.edgec.core.lower;

import dev.edgec.core.lower.math.ExpF32;
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
    LOG_F32(unaryF32(), LogF32::emit);

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

    private static FuncType unaryF32() {
        return FuncType.of(List.of(ValType.F32), ValType.F32);
    }
}
