package dev.edgec.core.ops.linalg;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.FusedActivation;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * Gemm (opsets 1-21): {@code Y = alpha·A'·B' + beta·C}, A' and B' being A and B transposed when
 * transA / transB are set. C broadcasts unidirectionally to [M, N] (a scalar, [N], [1, N], [M, 1],
 * [M, N]...); before opset 7 only if attribute {@code broadcast} is 1, else it must be [M, N]. C is
 * optional from opset 11. A fused activation ({@link FusedActivation}) is applied before the store.
 */
final class GemmOp implements Operator {
    private record Geometry(int m, int k, int n, boolean transA, boolean transB, float alpha, float beta,
                            Shape c) {
    }

    private static Geometry geometry(OpContext ctx) {
        boolean transA = ctx.attrs().getInt("transA", 0) != 0;
        boolean transB = ctx.attrs().getInt("transB", 0) != 0;
        float alpha = ctx.attrs().getFloat("alpha", 1f);
        float beta = ctx.attrs().getFloat("beta", 1f);
        Shape a = ctx.inputType(0).shape();
        Shape b = ctx.inputType(1).shape();
        if (a.rank() != 2 || b.rank() != 2) {
            throw ctx.error("A and B must be matrices, got shapes " + a + " and " + b);
        }
        int m = transA ? a.dim(1) : a.dim(0);
        int ka = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (ka != kb) {
            throw ctx.error("inner dimensions differ: A' is " + m + "x" + ka + ", B' is " + kb + "x" + n);
        }
        // before opset 7 C broadcasts only when the 'broadcast' attribute says so
        boolean broadcast = ctx.opset() >= 7 || ctx.attrs().getInt("broadcast", 0) != 0;
        Shape c = null;
        if (ctx.hasInput(2)) {
            c = ctx.inputType(2).shape();
            if (!broadcast && !c.equals(Shape.of(m, n))) {
                throw ctx.error("C of shape " + c + " must be " + m + "x" + n + " when attribute broadcast is 0");
            }
            if (!broadcastsTo(c, m, n)) {
                throw ctx.error("C of shape " + c + " does not broadcast to " + m + "x" + n);
            }
        } else if (ctx.opset() < 11) {
            throw ctx.error("input C is required before opset 11");
        }
        return new Geometry(m, ka, n, transA, transB, alpha, beta, c);
    }

    private static boolean broadcastsTo(Shape c, int m, int n) {
        if (c.rank() > 2) {
            return false;
        }
        int cn = c.rank() >= 1 ? c.dim(c.rank() - 1) : 1;
        int cm = c.rank() == 2 ? c.dim(0) : 1;
        return (cn == n || cn == 1) && (cm == m || cm == 1);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 3);
        for (int i = 0; i < ctx.inputCount(); i++) {
            if (ctx.hasInput(i)) {
                ctx.expectType(i, List.of(DataType.FLOAT32));
            }
        }
        Geometry g = geometry(ctx);
        FusedActivation.read(ctx);
        return List.of(TensorType.of(DataType.FLOAT32, g.m(), g.n()));
    }

    /** Multiply-accumulates of A'·B'; the scaling by alpha and the addition of C are not counted. */
    @Override
    public long macs(OpContext ctx) {
        Geometry g = geometry(ctx);
        return (long) g.m() * g.k() * g.n();
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Geometry g = geometry(ctx);
        FusedActivation activation = FusedActivation.read(ctx);
        int m = g.m();
        int kk = g.k();
        int n = g.n();
        int a = k.address(ctx.inputName(0));
        int b = k.address(ctx.inputName(1));
        int y = k.address(ctx.outputName(0));
        // byte strides of A'(row, k) and B'(k, col)
        int aStepK = g.transA() ? m * 4 : 4;
        int aStepRow = g.transA() ? 4 : kk * 4;
        int bStepK = g.transB() ? 4 : n * 4;
        int bStepCol = g.transB() ? kk * 4 : 4;
        // beta = 0 drops C, as the spec's formula does (ONNX Runtime also skips it)
        boolean useC = g.c() != null && g.beta() != 0f;
        int cAddr = useC ? k.address(ctx.inputName(2)) : 0;
        Shape cs = g.c();
        int cn = useC && cs.rank() >= 1 ? cs.dim(cs.rank() - 1) : 1;
        int cm = useC && cs.rank() == 2 ? cs.dim(0) : 1;
        int cStepCol = cn == 1 ? 0 : 4;
        int cStepRow = cm == 1 ? 0 : cn * 4;

        Code c = k.code();
        int aRow = k.newI32();
        int bCol = k.newI32();
        int cRow = k.newI32();
        int cPtr = k.newI32();
        int yPtr = k.newI32();
        int acc = k.newLocal(ValType.F32);
        c.i32Const(0).localSet(aRow).i32Const(0).localSet(cRow).i32Const(0).localSet(yPtr);
        k.forRange(m, row -> {
            c.i32Const(0).localSet(bCol);
            c.localGet(cRow).localSet(cPtr);
            k.forRange(n, col -> {
                DotProduct.emit(k, a, aRow, aStepK, b, bCol, bStepK, kk, acc);
                c.localGet(yPtr).localGet(acc);
                if (g.alpha() != 1f) {
                    c.f32Const(g.alpha()).f32Mul();
                }
                if (useC) {
                    c.localGet(cPtr).f32Load(cAddr);
                    if (g.beta() != 1f) {
                        c.f32Const(g.beta()).f32Mul();
                    }
                    c.f32Add();
                }
                activation.emit(k);
                c.f32Store(y);
                c.localGet(yPtr).i32Const(4).i32Add().localSet(yPtr);
                c.localGet(bCol).i32Const(bStepCol).i32Add().localSet(bCol);
                if (cStepCol != 0) {
                    c.localGet(cPtr).i32Const(cStepCol).i32Add().localSet(cPtr);
                }
            });
            c.localGet(aRow).i32Const(aStepRow).i32Add().localSet(aRow);
            if (cStepRow != 0) {
                c.localGet(cRow).i32Const(cStepRow).i32Add().localSet(cRow);
            }
        });
    }
}
