package dev.edgec.core.ops;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.opt.pass.InternalAttributes;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The activation a fusion pass attached to a Conv, Gemm or MatMul (attributes
 * {@code edgec.activation} and {@code edgec.activation_params}): the kernel applies it to each float32
 * result (Gemm, MatMul: before the store; Conv: over each output plane just written). The instruction sequences are the standalone operators' (ReluOp, ClipOp,
 * LeakyReluOp...), so fusing changes no bit of the result.
 */
public final class FusedActivation {
    private final String kind;
    private final float[] params;
    private int temp = -1;

    private FusedActivation(String kind, float[] params) {
        this.kind = kind;
        this.params = params;
    }

    /** Reads (and so marks as known) the node's fused-activation attributes; an empty kind means none. */
    public static FusedActivation read(OpContext ctx) {
        String kind = ctx.attrs().getString(InternalAttributes.ACTIVATION, "");
        float[] params = ctx.attrs().getFloats(InternalAttributes.ACTIVATION_PARAMS, new float[0]);
        int expected = switch (kind) {
            case "", "Relu", "Sigmoid", "Tanh", "HardSwish" -> 0;
            case "LeakyRelu" -> 1;
            case "Clip", "HardSigmoid" -> 2;
            default -> throw ctx.error("unknown fused activation '" + kind + "'");
        };
        if (params.length != expected) {
            throw ctx.error("fused activation " + kind + " takes " + expected + " parameters, got " + params.length);
        }
        return new FusedActivation(kind, params);
    }

    public boolean isNone() {
        return kind.isEmpty();
    }

    /** Consumes the f32 on the stack and pushes the activation of it. */
    public void emit(KernelWriter k) {
        Code c = k.code();
        switch (kind) {
            case "" -> {
            }
            case "Relu" -> c.f32Const(0f).f32Max();
            case "Clip" -> c.f32Const(params[0]).f32Max().f32Const(params[1]).f32Min();
            case "LeakyRelu" -> c.localTee(temp(k)).f32Const(params[0]).f32Mul().localGet(temp).localGet(temp)
                    .f32Const(0f).f32Lt().select();
            case "Sigmoid" -> c.call(k.mathFunction(MathFunction.SIGMOID_F32));
            case "Tanh" -> c.call(k.mathFunction(MathFunction.TANH_F32));
            case "HardSigmoid" -> c.f32Const(params[0]).f32Mul().f32Const(params[1]).f32Add().f32Const(1f).f32Min()
                    .f32Const(0f).f32Max();
            case "HardSwish" -> c.localTee(temp(k)).localGet(temp).f32Const(1f / 6).f32Mul().f32Const(0.5f).f32Add()
                    .f32Const(1f).f32Min().f32Const(0f).f32Max().f32Mul();
            default -> throw new IllegalStateException(kind);
        }
    }

    private int temp(KernelWriter k) {
        if (temp < 0) {
            temp = k.newLocal(ValType.F32);
        }
        return temp;
    }
}
