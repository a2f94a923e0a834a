package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * OneHot (opset 9+; negative indices from 11): inserts an axis of size {@code depth} (a constant) and
 * writes {@code values[1]} where the index points and {@code values[0]} elsewhere. As the spec says,
 * an index outside [-depth, depth) gives a row of {@code values[0]} only, so no index can fail.
 * Indices of any numeric type are truncated to integers.
 */
final class OneHotOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(3, 3);
        Shape idx = ctx.inputType(0).shape();
        int axis = Axes.attribute(ctx, idx.rank() + 1, -1);
        int depth = depth(ctx);
        if (ctx.inputType(2).elementCount() != 2 || ctx.inputType(2).shape().rank() != 1) {
            throw ctx.error("values must hold two elements [off, on], got shape " + ctx.inputType(2).shape());
        }
        DataType indexType = ctx.inputType(0).dataType();
        if (indexType == DataType.FLOAT16 || indexType == DataType.BFLOAT16) {
            throw ctx.unsupported(indexType.signatureName() + " indices are not supported");
        }
        int[] out = new int[idx.rank() + 1];
        for (int d = 0, j = 0; d < out.length; d++) {
            out[d] = d == axis ? depth : idx.dim(j++);
        }
        return List.of(new TensorType(ctx.inputType(2).dataType(), Shape.of(out)));
    }

    private static int depth(OpContext ctx) {
        double d = ConstantInts.scalar(ctx, 1, "depth").getDouble(0);
        if (!(d >= 1) || d > Integer.MAX_VALUE) {
            throw ctx.error("depth " + d + " must be positive");
        }
        return (int) d;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape idx = ctx.inputType(0).shape();
        int axis = Axes.attribute(ctx, idx.rank() + 1, -1);
        int depth = depth(ctx);
        DataType it = ctx.inputType(0).dataType();
        int bytes = ctx.inputType(2).dataType().byteSize();
        int values = k.address(ctx.inputName(2));
        int out = k.address(ctx.outputName(0));
        Code c = k.code();
        k.forRange(ctx.outputType(0).elementCount(), i -> {
            c.localGet(i).i32Const(bytes).i32Mul();
            c.i32Const(0);
            RawElements.load(c, bytes, values);
            RawElements.store(c, bytes, out);
        });
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= idx.dim(d);
        }
        int inner = idx.elementCount() / Math.max(1, outer);
        if (idx.elementCount() == 0) {
            return;
        }
        int v = k.newLocal(ValType.I64);
        int dst = k.newI32();
        AffineNest.emit(k, new int[]{outer, inner}, new long[][]{{(long) inner * it.byteSize(), it.byteSize()},
                        {(long) depth * inner * bytes, bytes}}, new long[]{k.address(ctx.inputName(0)), out},
                (ix, st) -> {
                    loadIndex(k, it, st[0], depth, v);
                    c.localGet(v).i64Const(0).i64LtS().if_();
                    c.localGet(v).i64Const(depth).i64Add().localSet(v);
                    c.end();
                    c.localGet(v).i64Const(depth).i64LtU().if_();
                    c.localGet(st[1]).localGet(v).i32WrapI64().i32Const(inner * bytes).i32Mul().i32Add().localSet(dst);
                    c.localGet(dst).i32Const(0);
                    RawElements.load(c, bytes, values + bytes);
                    RawElements.store(c, bytes, 0);
                    c.end();
                });
    }

    /** Loads the index at the address in local {@code at} into the i64 local {@code v}; floats far outside ±depth become depth. */
    private static void loadIndex(KernelWriter k, DataType it, int at, int depth, int v) {
        Code c = k.code();
        c.localGet(at);
        k.load(it, 0);
        switch (KernelWriter.stackType(it)) {
            case I64 -> c.localSet(v);
            case I32 -> {
                if (it.isSigned()) {
                    c.i64ExtendI32S();
                } else {
                    c.i64ExtendI32U();
                }
                c.localSet(v);
            }
            case F32 -> {
                // truncation traps outside the i64 range, so only in-range values are converted
                int f = k.newLocal(ValType.F32);
                c.localSet(f).i64Const(depth).localSet(v);
                c.localGet(f).f32Const(-depth - 1f).f32Gt().localGet(f).f32Const(depth + 1f).f32Lt().i32And().if_();
                c.localGet(f).i64TruncF32S().localSet(v);
                c.end();
            }
            case F64 -> {
                int f = k.newLocal(ValType.F64);
                c.localSet(f).i64Const(depth).localSet(v);
                c.localGet(f).f64Const(-depth - 1.0).f64Gt().localGet(f).f64Const(depth + 1.0).f64Lt().i32And().if_();
                c.localGet(f).i64TruncF64S().localSet(v);
                c.end();
            }
        }
    }
}
