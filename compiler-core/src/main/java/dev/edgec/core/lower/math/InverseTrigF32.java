package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;

/**
 * atan, asin and acos of a float32 through {@link AtanF64}, each rounded once to float32:
 * asin x = atan(x / √((1 − x)(1 + x))), acos x = 2·atan(√((1 − x)/(1 + x))). The float64 steps
 * before atan add a few 1e-16 relative, so the results are correctly rounded except within ~1e-13
 * of a tie: maximum error ≤ 1 ulp (InverseTrigF32Test). |x| &gt; 1 gives NaN for asin and acos.
 */
public final class InverseTrigF32 {
    private InverseTrigF32() {
    }

    public static void emitAtan(FunctionBuilder f, MathLibrary library) {
        f.code().localGet(0).f64PromoteF32().call(library.functionIndex(MathFunction.ATAN_F64)).f32DemoteF64();
    }

    public static void emitAsin(FunctionBuilder f, MathLibrary library) {
        Code c = f.code();
        c.localGet(0).f64PromoteF32();
        c.f64Const(1).localGet(0).f64PromoteF32().f64Sub().f64Const(1).localGet(0).f64PromoteF32().f64Add().f64Mul()
                .f64Sqrt();
        c.f64Div().call(library.functionIndex(MathFunction.ATAN_F64)).f32DemoteF64();
    }

    public static void emitAcos(FunctionBuilder f, MathLibrary library) {
        Code c = f.code();
        c.f64Const(1).localGet(0).f64PromoteF32().f64Sub().f64Const(1).localGet(0).f64PromoteF32().f64Add().f64Div()
                .f64Sqrt();
        c.call(library.functionIndex(MathFunction.ATAN_F64)).f64Const(2).f64Mul().f32DemoteF64();
    }
}
