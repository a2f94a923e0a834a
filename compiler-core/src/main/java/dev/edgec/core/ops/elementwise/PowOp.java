package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.Float16;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.ShapeInference;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.BlockType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * Pow with broadcasting (before opset 7, {@link LegacyBroadcast}'s); the output has the base's type.
 * Before opset 12 base and exponent are the
 * same float type; from 12 the base is int32, int64 or a float, the exponent any numeric type.
 * <ul>
 * <li>Float base: the exponent converted to float32 and {@link MathFunction#POW_F32} (float16 and
 * float64 bases compute in float32: ≤ 3 ulp of float32, ~2e-7 relative, inside the backend tolerance).</li>
 * <li>Integer base with a whole exponent (any integer type, or a float holding a whole number):
 * exact repeated squaring in int64. ONNX Runtime computes {@code static_cast<T>(std::pow(x, y))}, so a
 * result beyond the type's range gives its minimum (x86's conversion of an out-of-range double), and
 * a negative exponent gives 1/x^|e| truncated: 1 for x = 1, ±1 for x = −1, the minimum for x = 0,
 * else 0. (Between 2^53 and 2^63 ONNX Runtime's double result is rounded; edgec's is exact.)</li>
 * <li>Integer base with a fractional exponent: float32 pow, truncated toward zero as Cast does.</li>
 * </ul>
 */
final class PowOp extends BinaryElementwiseOp {
    private static final List<DataType> BASE_TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16,
            DataType.INT32, DataType.INT64);
    private static final List<DataType> EXPONENT_TYPES = NumericTypes.NUMERIC_AND_FLOAT16;

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        boolean legacy = ctx.opset() < 12;
        DataType t = ctx.expectType(0, legacy ? List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16)
                : BASE_TYPES);
        DataType e = ctx.expectType(1, EXPONENT_TYPES);
        if (legacy && e != t) {
            throw ctx.error("before opset 12 the exponent must have the base's type " + t.signatureName()
                    + ", got " + e.signatureName());
        }
        Shape out = ShapeInference.broadcast(List.of(ctx.inputType(0).shape(), secondInputShape(ctx)));
        if (out == null) {
            throw ctx.error("shapes " + ctx.inputType(0).shape() + " and " + ctx.inputType(1).shape()
                    + " do not broadcast");
        }
        return List.of(new TensorType(t, out));
    }

    @Override
    protected List<DataType> types() {
        return BASE_TYPES;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        DataType e = ctx.inputType(1).dataType();
        if (t.isFloating()) {
            floatPow(k, t, e);
        } else {
            integerPow(k, t, e);
        }
    }

    /** Consumes x (t's compute type) and y (e's); pushes x^y in t's compute type. */
    private static void floatPow(KernelWriter k, DataType t, DataType e) {
        Code c = k.code();
        ElementConversion.emit(k, e, DataType.FLOAT32);
        if (t == DataType.FLOAT64) {
            int y = k.newLocal(ValType.F32);
            c.localSet(y).f32DemoteF64().localGet(y);
            c.call(k.mathFunction(MathFunction.POW_F32)).f64PromoteF32();
        } else {
            c.call(k.mathFunction(MathFunction.POW_F32));
        }
    }

    /** Consumes x (i32 or i64) and y (e's compute type); pushes x^y in x's stack type. */
    private static void integerPow(KernelWriter k, DataType t, DataType e) {
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(ValType.I64);
        int n = k.newLocal(ValType.I64);
        if (!Float16.computeType(e).isFloating()) {
            ElementConversion.emit(k, e, DataType.INT64);
            c.localSet(n);
            ElementConversion.emit(k, t, DataType.INT64);
            c.localSet(x);
            wholePower(k, x, n, st);
        } else {
            DataType fe = Float16.computeType(e);
            ValType fst = KernelWriter.stackType(fe);
            int y = k.newLocal(fst);
            int xv = k.newLocal(st);
            c.localSet(y).localTee(xv);
            ElementConversion.emit(k, t, DataType.INT64);
            c.localSet(x);
            // whole y: exact integer power; otherwise float32 pow truncated
            if (fst == ValType.F64) {
                c.localGet(y).f64Nearest().localGet(y).f64Eq();
            } else {
                c.localGet(y).f32Nearest().localGet(y).f32Eq();
            }
            c.if_(BlockType.of(ValType.I64));
            c.localGet(y);
            ElementConversion.emit(k, fe, DataType.INT64);
            c.localSet(n);
            wholePower(k, x, n, st);
            c.else_();
            c.localGet(xv);
            ElementConversion.emit(k, t, DataType.FLOAT32);
            c.localGet(y);
            ElementConversion.emit(k, fe, DataType.FLOAT32);
            c.call(k.mathFunction(MathFunction.POW_F32));
            ElementConversion.emit(k, DataType.FLOAT32, t);
            if (st == ValType.I32) {
                c.i64ExtendI32S();
            }
            c.end();
        }
        if (st == ValType.I32) {
            c.i32WrapI64();
        }
    }

    /**
     * Pushes x^n (i64 locals; n may be negative) by repeated squaring. As ONNX Runtime computes integer
     * powers as C++ {@code static_cast<T>(std::pow(x, y))}, a result outside the type's range (found
     * with a float64 shadow of the product) gives the type's minimum, as x86's conversion does, and so
     * does 0 to a negative power (∞).
     */
    private static void wholePower(KernelWriter k, int x, int n, ValType st) {
        Code c = k.code();
        long min = st == ValType.I32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        double limit = st == ValType.I32 ? 0x1p31 : 0x1p63;
        int r = k.newLocal(ValType.I64);
        int fr = k.newLocal(ValType.F64);
        int fx = k.newLocal(ValType.F64);
        c.localGet(n).i64Const(0).i64LtS().if_(BlockType.of(ValType.I64));
        {
            // 1/x^|n| truncated: x = 1 → 1, x = -1 → ±1 by n's parity, x = 0 → ∞ → min, else 0
            c.i64Const(1);
            c.i64Const(-1).i64Const(1).localGet(n).i64Const(1).i64And().i64Eqz().i32Eqz().select();
            c.i64Const(min).i64Const(0).localGet(x).i64Eqz().select();
            c.localGet(x).i64Const(-1).i64Eq().select();
            c.localGet(x).i64Const(1).i64Eq().select();
        }
        c.else_();
        {
            c.i64Const(1).localSet(r);
            c.f64Const(1).localSet(fr);
            c.localGet(x).f64ConvertI64S().localSet(fx);
            c.block().loop();
            c.localGet(n).i64Eqz().brIf(1);
            c.localGet(n).i64Const(1).i64And().i32WrapI64().if_();
            c.localGet(r).localGet(x).i64Mul().localSet(r);
            c.localGet(fr).localGet(fx).f64Mul().localSet(fr);
            c.end();
            c.localGet(x).localGet(x).i64Mul().localSet(x);
            c.localGet(fx).localGet(fx).f64Mul().localSet(fx);
            c.localGet(n).i64Const(1).i64ShrU().localSet(n);
            c.br(0);
            c.end().end();
            c.i64Const(min).localGet(r);
            c.localGet(fr).f64Const(limit).f64Ge().localGet(fr).f64Const(-limit).f64Lt().i32Or().select();
        }
        c.end();
    }
}
