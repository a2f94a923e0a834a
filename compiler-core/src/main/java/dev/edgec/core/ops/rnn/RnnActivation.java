package dev.edgec.core.ops.rnn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.wasm.BlockType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.Locale;

/**
 * One activation function of a recurrent operator, as named in its {@code activations} attribute,
 * with its alpha and beta. {@link #emit} applies it to the f32 on top of the stack.
 */
record RnnActivation(String name, float alpha, float beta) {
    /** Builds the activation {@code name}, taking alpha/beta from the attribute lists when the function uses them. */
    static RnnActivation of(OpContext ctx, String name, float[] alphas, float[] betas, int[] cursor) {
        String n = name.toLowerCase(Locale.ROOT);
        float[] defaults = switch (n) {
            case "relu", "tanh", "sigmoid", "softsign", "softplus" -> null;
            case "affine" -> new float[] {1f, 0f};
            case "leakyrelu" -> new float[] {0.01f, 0f};
            case "thresholdedrelu" -> new float[] {1f, 0f};
            case "scaledtanh" -> new float[] {1f, 1f};
            case "hardsigmoid" -> new float[] {0.2f, 0.5f};
            case "elu" -> new float[] {1f, 0f};
            default -> throw ctx.unsupported("activation '" + name + "' is not one edgec implements");
        };
        if (defaults == null) {
            return new RnnActivation(n, 0f, 0f);
        }
        // Alphas and betas are consumed in order by the functions that take them.
        int at = cursor[0]++;
        float a = alphas != null && at < alphas.length ? alphas[at] : defaults[0];
        float b = betas != null && at < betas.length ? betas[at] : defaults[1];
        return new RnnActivation(n, a, b);
    }

    void emit(KernelWriter k) {
        Code c = k.code();
        switch (name) {
            case "sigmoid" -> c.call(k.mathFunction(MathFunction.SIGMOID_F32));
            case "tanh" -> c.call(k.mathFunction(MathFunction.TANH_F32));
            case "relu" -> c.f32Const(0f).f32Max();
            case "affine" -> c.f32Const(alpha).f32Mul().f32Const(beta).f32Add();
            case "scaledtanh" -> c.f32Const(beta).f32Mul().call(k.mathFunction(MathFunction.TANH_F32)).f32Const(alpha).f32Mul();
            case "hardsigmoid" -> c.f32Const(alpha).f32Mul().f32Const(beta).f32Add().f32Const(0f).f32Max().f32Const(1f).f32Min();
            case "softsign" -> {
                int x = k.newLocal(ValType.F32);
                c.localTee(x).localGet(x).f32Abs().f32Const(1f).f32Add().f32Div();
            }
            case "softplus" -> {
                // log(1 + e^x), computed as max(x, 0) + log(1 + e^-|x|) so large x does not overflow
                int x = k.newLocal(ValType.F32);
                c.localTee(x).f32Const(0f).f32Max();
                c.localGet(x).f32Abs().f32Neg().call(k.mathFunction(MathFunction.EXP_F32)).f32Const(1f).f32Add()
                        .call(k.mathFunction(MathFunction.LOG_F32)).f32Add();
            }
            case "leakyrelu", "thresholdedrelu", "elu" -> {
                int x = k.newLocal(ValType.F32);
                c.localSet(x);
                if (name.equals("thresholdedrelu")) {
                    c.localGet(x).f32Const(0f).localGet(x).f32Const(alpha).f32Gt().select();
                    return;
                }
                c.localGet(x).f32Const(0f).f32Ge();
                c.if_(BlockType.of(ValType.F32)).localGet(x).else_();
                if (name.equals("leakyrelu")) {
                    c.localGet(x).f32Const(alpha).f32Mul();
                } else {
                    c.localGet(x).call(k.mathFunction(MathFunction.EXP_F32)).f32Const(1f).f32Sub().f32Const(alpha).f32Mul();
                }
                c.end();
            }
            default -> throw new IllegalStateException(name);
        }
    }
}
