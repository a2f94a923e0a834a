package dev.edgec.core.lower.math;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.lower.MathLibrary;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;

/**
 * erf of a float32: the Maclaurin series erf x = 2/√π · Σ (−1)^n x^(2n+1) / (n!·(2n+1)) summed in
 * float64 until a term falls below 1e-17 of the sum (at most ~80 terms at |x| = 4). Its largest
 * term there is ~4e6, so cancellation costs at most ~1e-9 absolute, a sixtieth of a float32 ulp
 * of 1. From |x| = 4 up erf rounds to ±1 in float32 (erfc 4 = 1.5e-8 &lt; 2^-25) and ±1 is returned.
 * Maximum error ≤ 1 ulp (ErfF32Test); NaN stays NaN (ONNX Runtime's Erf returns 1 for NaN, measured;
 * edgec keeps the IEEE behaviour).
 */
public final class ErfF32 {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private ErfF32() {
    }

    /** erf of a float32, rounded once from {@link #emitF64}. */
    public static void emit(FunctionBuilder f, MathLibrary library) {
        Code c = f.code();
        // erf is odd: the sign also keeps erf(-0) = -0, which the sum loses
        c.localGet(0).f64PromoteF32().call(library.functionIndex(MathFunction.ERF_F64)).f32DemoteF64()
                .localGet(0).f32Copysign();
    }

    /**
     * erf in float64 by the same series: within 1e-9 absolute below |x| = 4 and ±1 from there (off by
     * erfc 4 = 1.54e-8 at most). Ample for float32 results, and for Gelu's ½·x·(1 + erf(x/√2)), whose
     * error stays below the backend tolerance's 1e-7 absolute (Float64HelpersTest, GeluTest).
     */
    public static void emitF64(FunctionBuilder f, MathLibrary library) {
        int x = 0;
        int mz = f.addLocal(ValType.F64);
        int term = f.addLocal(ValType.F64);
        int part = f.addLocal(ValType.F64);
        int sum = f.addLocal(ValType.F64);
        int n = f.addLocal(ValType.F64);
        Code c = f.code();
        c.localGet(x).localGet(x).f64Ne().if_().localGet(x).return_().end();
        c.localGet(x).f64Abs().f64Const(4).f64Ge().if_().f64Const(1).localGet(x).f64Copysign().return_().end();
        c.localGet(x).localTee(term).localSet(sum);
        c.localGet(x).localGet(x).f64Mul().f64Neg().localSet(mz);
        c.f64Const(0).localSet(n);
        c.loop();
        {
            c.localGet(n).f64Const(1).f64Add().localSet(n);
            c.localGet(term).localGet(mz).f64Mul().localGet(n).f64Div().localSet(term);
            c.localGet(term).localGet(n).f64Const(2).f64Mul().f64Const(1).f64Add().f64Div().localTee(part);
            c.localGet(sum).f64Add().localSet(sum);
            // continue while |part| > 1e-17·|sum| and n < 150
            c.localGet(part).f64Abs().localGet(sum).f64Abs().f64Const(1e-17).f64Mul().f64Gt();
            c.localGet(n).f64Const(150).f64Lt().i32And().brIf(0);
        }
        c.end();
        c.localGet(sum).f64Const(TWO_OVER_SQRT_PI).f64Mul();
    }
}
