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
 * CumSum (opset 11+): running sums along the constant {@code axis}, optionally {@code exclusive} (each
 * sum leaves out its own element) and {@code reverse} (summing from the end). Sums are kept in the
 * element type, as ONNX Runtime does.
 */
final class CumSumOp implements Operator {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32,
            DataType.INT64, DataType.UINT32, DataType.UINT64);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectType(0, TYPES);
        axis(ctx);
        ctx.attrs().getInt("exclusive", 0);
        ctx.attrs().getInt("reverse", 0);
        return List.of(ctx.inputType(0));
    }

    private static int axis(OpContext ctx) {
        var t = ConstantInts.scalar(ctx, 1, "axis");
        if (t.dataType() != DataType.INT32 && t.dataType() != DataType.INT64) {
            throw ctx.error("axis must be int32 or int64, got " + t.dataType().signatureName());
        }
        return Axes.normalize(ctx, t.getLong(0), ctx.inputType(0).shape().rank());
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Shape s = ctx.inputType(0).shape();
        int axis = axis(ctx);
        boolean exclusive = ctx.attrs().getInt("exclusive", 0) != 0;
        boolean reverse = ctx.attrs().getInt("reverse", 0) != 0;
        DataType t = ctx.inputType(0).dataType();
        ValType vt = KernelWriter.stackType(t);
        int bytes = t.byteSize();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= s.dim(d);
        }
        int n = s.dim(axis);
        int inner = s.elementCount() / Math.max(1, outer * n);
        if (s.elementCount() == 0) {
            return;
        }
        long step = (long) inner * bytes * (reverse ? -1 : 1);
        long first = reverse ? (long) (n - 1) * inner * bytes : 0;
        int in = k.newI32();
        int out = k.newI32();
        int sum = k.newLocal(vt);
        Code c = k.code();
        AffineNest.emit(k, new int[]{outer, inner}, new long[][]{{(long) n * inner * bytes, bytes}},
                new long[]{first}, (ix, st) -> {
                    zero(c, vt);
                    c.localSet(sum);
                    c.localGet(st[0]).i32Const(k.address(ctx.inputName(0))).i32Add().localSet(in);
                    c.localGet(st[0]).i32Const(k.address(ctx.outputName(0))).i32Add().localSet(out);
                    k.forRange(n, j -> {
                        if (exclusive) {
                            c.localGet(out).localGet(sum);
                            k.store(t, 0);
                        }
                        c.localGet(sum).localGet(in);
                        k.load(t, 0);
                        Reduction.ADD.combine(k, t);
                        c.localSet(sum);
                        if (!exclusive) {
                            c.localGet(out).localGet(sum);
                            k.store(t, 0);
                        }
                        c.localGet(in).i32Const((int) step).i32Add().localSet(in);
                        c.localGet(out).i32Const((int) step).i32Add().localSet(out);
                    });
                });
    }

    private static void zero(Code c, ValType vt) {
        switch (vt) {
            case F32 -> c.f32Const(0f);
            case F64 -> c.f64Const(0);
            case I64 -> c.i64Const(0);
            default -> c.i32Const(0);
        }
    }
}
