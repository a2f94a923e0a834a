package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * {@code edgec.QLinearSoftmax(x, x_scale, x_zero_point, y_scale, y_zero_point)}: softmax over the last
 * axis of an 8-bit tensor, to an 8-bit tensor, with integers only. {@code exp(x_i − max)} is
 * {@code exp(−x_scale · d)} for the integer distance {@code d = max − x_i} in [0, 255], so it comes
 * from a compile-time table of 256 values in fixed point ({@code 2^20 · exp(−x_scale · d)}, rounded).
 * The row's sum is an integer, and each output is {@code round(e_i · K / sum)} (half up, one integer
 * division) plus y's zero point, where {@code K = 1 / y_scale} must be a whole number: ONNX Runtime's
 * quantizer gives softmax outputs scale 1/256 (zero point −128 for int8, 0 for uint8). The table's
 * rounding changes a probability by at most about {@code 2^-20}, far below the output step 1/K.
 */
final class QLinearSoftmaxOp implements Operator {
    /** Fixed-point bits of the exp table: with K ≤ 2^16 the products stay far inside i64. */
    static final int TABLE_BITS = 20;
    private static final int MAX_INVERSE_SCALE = 1 << 16;

    private record Plan(QuantOperand x, QuantOperand y, long inverseScale, int rows, int length) {
    }

    private static Plan plan(OpContext ctx) {
        QuantOperand.Unary xy = QuantOperand.unary(ctx);
        QuantOperand x = xy.x();
        QuantOperand y = xy.y();
        Shape s = ctx.inputType(0).shape();
        if (s.rank() == 0 || s.elementCount() == 0) {
            throw ctx.error("softmax needs a non-empty tensor of rank 1 or more, got " + s);
        }
        long axis = ctx.attrs().getInt("axis", -1);
        if (axis != -1 && axis != s.rank() - 1) {
            throw ctx.unsupported("integer softmax runs over the last axis only, got axis " + axis + " of " + s);
        }
        double inv = 1 / y.scale();
        long k = Math.round(inv);
        if (k < 1 || k > MAX_INVERSE_SCALE || Math.abs(k - inv) > 1e-6 * inv) {
            throw ctx.unsupported("integer softmax needs y_scale = 1/K for a whole K up to " + MAX_INVERSE_SCALE
                    + " (1/256 as ONNX Runtime's quantizer writes), got " + y.scale());
        }
        int length = s.dim(s.rank() - 1);
        return new Plan(x, y, k, s.elementCount() / length, length);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(p.y().type(), ctx.inputType(0).shape()));
    }

    /** {@code round(2^TABLE_BITS · exp(−scale · d))} for d in 0..255, as float32 ONNX Runtime would scale d. */
    static long[] expTable(double scale) {
        long[] t = new long[256];
        for (int d = 0; d < t.length; d++) {
            t[d] = Math.round(Math.scalb(Math.exp(-scale * d), TABLE_BITS));
        }
        return t;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        Code c = k.code();
        DataType t = p.x().type();
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int table = k.constantData(Tensor.ofLongs(DataType.INT32, Shape.of(256), expTable(p.x().scale())));
        int base = k.newI32();
        int max = k.newI32();
        int v = k.newI32();
        int sum = k.newLocal(ValType.I64);
        int e = k.newLocal(ValType.I64);
        int n = p.length();
        c.i32Const(0).localSet(base);
        k.forRange(p.rows(), row -> {
            c.i32Const((int) p.x().range().min()).localSet(max);
            k.forRange(n, i -> {
                c.localGet(base).localGet(i).i32Add();
                k.load(t, in);
                c.localSet(v);
                c.localGet(v).localGet(max).localGet(v).localGet(max).i32GtS().select().localSet(max);
            });
            c.i64Const(0).localSet(sum);
            k.forRange(n, i -> {
                pushExp(k, t, in, table, base, i, max);
                c.i64ExtendI32U().localGet(sum).i64Add().localSet(sum);
            });
            // sum ≥ table[0] = 2^20 > 0: the division below never traps
            k.forRange(n, i -> {
                c.localGet(base).localGet(i).i32Add();
                pushExp(k, t, in, table, base, i, max);
                c.i64ExtendI32U().i64Const(2 * p.inverseScale()).i64Mul().localGet(sum).i64Add();
                c.localGet(sum).i64Const(1).i64Shl().i64DivU().localSet(e);
                // y = min(zp + e, type max): e ≥ 0, so only the upper bound can be passed (K = 256 for p = 1)
                c.localGet(e).i64Const(p.y().zeroPoint()).i64Add().localSet(e);
                c.localGet(e).i64Const(p.y().range().max()).localGet(e).i64Const(p.y().range().max()).i64LtS().select();
                c.i32WrapI64();
                k.store(p.y().type(), out);
            });
            c.localGet(base).i32Const(n).i32Add().localSet(base);
        });
    }

    /** Pushes table[max − x[base + i]] (an i32). */
    private static void pushExp(KernelWriter k, DataType t, int in, int table, int base, int i, int max) {
        Code c = k.code();
        c.localGet(max);
        c.localGet(base).localGet(i).i32Add();
        k.load(t, in);
        c.i32Sub().i32Const(2).i32Shl().i32Load(table);
    }
}
