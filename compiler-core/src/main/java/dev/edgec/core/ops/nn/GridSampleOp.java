package dev.edgec.core.ops.nn;

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
 * ONNX GridSample (opsets 16–21) on 4-D float32 input X (N, C, H, W) and grid (N, Ho, Wo, 2):
 * Y[n, c, i, j] samples X[n, c] at the normalized point grid[n, i, j] = (x, y) in [-1, 1]. Modes
 * bilinear/nearest/bicubic (named linear/nearest/cubic from opset 20), padding_mode zeros/border/reflection
 * and align_corners. As ONNX Runtime does, padding is applied to each tap of the interpolation
 * ({@link GridTaps}), and nearest rounds half to even. The taps and weights of a grid point are computed
 * once and shared by its C channels.
 */
public final class GridSampleOp implements Operator {
    /** Interpolation: how many taps per axis it reads. */
    enum Mode {
        NEAREST(1), LINEAR(2), CUBIC(4);

        final int taps;

        Mode(int taps) {
            this.taps = taps;
        }
    }

    /** What a tap outside the input reads. */
    enum Padding {
        ZEROS, BORDER, REFLECTION
    }

    private record Plan(int n, int c, int h, int w, int ho, int wo, Mode mode, Padding padding, boolean alignCorners) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        return List.of(new TensorType(DataType.FLOAT32, Shape.of(p.n(), p.c(), p.ho(), p.wo())));
    }

    private static Plan plan(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectType(0, List.of(DataType.FLOAT32));
        ctx.expectType(1, List.of(DataType.FLOAT32));
        Mode mode = mode(ctx);
        Padding padding = padding(ctx);
        boolean align = ctx.attrs().getInt("align_corners", 0) != 0;
        Shape x = ctx.inputType(0).shape();
        Shape g = ctx.inputType(1).shape();
        if (x.rank() != 4) {
            throw x.rank() == 5 ? ctx.unsupported("only 4-D input (N, C, H, W) is supported, got " + x)
                    : ctx.error("input X must be 4-D (N, C, H, W), got " + x);
        }
        if (g.rank() != 4 || g.dim(3) != 2 || g.dim(0) != x.dim(0)) {
            throw ctx.error("grid must have shape (" + x.dim(0) + ", H_out, W_out, 2) for X " + x + ", got " + g);
        }
        return new Plan(x.dim(0), x.dim(1), x.dim(2), x.dim(3), g.dim(1), g.dim(2), mode, padding, align);
    }

    private static Mode mode(OpContext ctx) {
        boolean v20 = ctx.opset() >= 20;
        String s = ctx.attrs().getString("mode", v20 ? "linear" : "bilinear");
        return switch (s) {
            case "nearest" -> Mode.NEAREST;
            case "bilinear", "linear" -> {
                if (s.equals("linear") != v20) {
                    throw ctx.error("mode '" + s + "' is not defined in opset " + ctx.opset() + "; use '"
                            + (v20 ? "linear" : "bilinear") + "'");
                }
                yield Mode.LINEAR;
            }
            case "bicubic", "cubic" -> {
                if (s.equals("cubic") != v20) {
                    throw ctx.error("mode '" + s + "' is not defined in opset " + ctx.opset() + "; use '"
                            + (v20 ? "cubic" : "bicubic") + "'");
                }
                yield Mode.CUBIC;
            }
            default -> throw ctx.error("mode must be " + (v20 ? "linear, nearest or cubic" : "bilinear, nearest or bicubic")
                    + ", got '" + s + "'");
        };
    }

    private static Padding padding(OpContext ctx) {
        String s = ctx.attrs().getString("padding_mode", "zeros");
        return switch (s) {
            case "zeros" -> Padding.ZEROS;
            case "border" -> Padding.BORDER;
            case "reflection" -> Padding.REFLECTION;
            default -> throw ctx.error("padding_mode must be zeros, border or reflection, got '" + s + "'");
        };
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        int x = k.address(ctx.inputName(0));
        int grid = k.address(ctx.inputName(1));
        int y = k.address(ctx.outputName(0));
        int points = p.ho() * p.wo();
        Code c = k.code();
        int gridByte = k.newI32();
        int coordinate = k.newLocal(ValType.F32);
        int channel = k.newI32();
        int sum = k.newLocal(ValType.F32);
        GridTaps cols = new GridTaps(k, p.mode(), p.padding(), p.alignCorners(), p.w(), 4);
        GridTaps rows = new GridTaps(k, p.mode(), p.padding(), p.alignCorners(), p.h(), 4 * p.w());
        k.forRange(p.n(), n -> k.forRange(points, q -> {
            c.localGet(n).i32Const(points).i32Mul().localGet(q).i32Add().i32Const(3).i32Shl().localTee(gridByte);
            c.f32Load(grid).localSet(coordinate);
            cols.compute(coordinate);
            c.localGet(gridByte).f32Load(grid + 4).localSet(coordinate);
            rows.compute(coordinate);
            k.forRange(p.c(), ch -> {
                c.localGet(n).i32Const(p.c()).i32Mul().localGet(ch).i32Add().localTee(channel);
                c.i32Const(points).i32Mul().localGet(q).i32Add().i32Const(2).i32Shl();
                for (int r = 0; r < rows.count(); r++) {
                    for (int t = 0; t < cols.count(); t++) {
                        pixel(k, p, x, channel, rows, r, cols, t);
                        cols.multiplyByWeight(t);
                        if (t > 0) {
                            c.f32Add();
                        }
                    }
                    rows.multiplyByWeight(r);
                    if (r > 0) {
                        c.f32Add();
                    }
                }
                c.f32Store(y);
            });
        }));
    }

    /** Pushes X[n, c] at tap (r, t): zero when either tap lies outside the input in zeros padding. */
    private static void pixel(KernelWriter k, Plan p, int x, int channel, GridTaps rows, int r, GridTaps cols, int t) {
        Code c = k.code();
        c.localGet(channel).i32Const(4 * p.h() * p.w()).i32Mul();
        c.localGet(rows.offset(r)).i32Add().localGet(cols.offset(t)).i32Add().f32Load(x);
        if (p.padding() == Padding.ZEROS) {
            c.f32Const(0).localGet(rows.valid(r)).localGet(cols.valid(t)).i32And().select();
        }
    }

    @Override
    public long macs(OpContext ctx) {
        Plan p = plan(ctx);
        return (long) p.n() * p.c() * p.ho() * p.wo() * p.mode().taps * p.mode().taps;
    }
}
