package dev.edgec.core.ops.reduce;

import dev.edgec.core.lower.FloatArith;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * The ReduceXxx operators on float32 and float64 (each computing in its input's precision): the axes
 * (an attribute, or from {@link #axesInputSince()} a constant input with {@code noop_with_empty_axes}),
 * {@code keepdims}, the output shape, and the loop nest over output elements. Subclasses say how elements combine: an identity, a map applied to each
 * element, a combine step and a finish (e.g. divide by the count), or a whole custom reduction.
 */
abstract class ReduceOp implements Operator {
    /** The reduction as resolved for one node: which input dims reduce, and the output shape. */
    record Plan(boolean[] reduced, boolean identity, Shape out) {
    }

    /** First opset in which axes is an input rather than an attribute (18 for most, 13 for ReduceSum). */
    protected int axesInputSince() {
        return 18;
    }

    /** The result of reducing no elements, and the accumulator's start. */
    protected abstract double identity();

    /** Consumes an element and pushes what it contributes (default: the element itself). */
    protected void emitMap(KernelWriter k, FloatArith a) {
    }

    /** Consumes the mapped element and the accumulator (in that order) and pushes the new accumulator. */
    protected abstract void emitCombine(FloatArith a);

    /** Consumes the accumulator and pushes the output value; {@code count} elements were reduced. */
    protected void emitFinish(KernelWriter k, FloatArith a, int count) {
    }

    /** Emits the reduction of one output element into the local {@code result} (of type {@code a.valType()}). */
    protected void emitReduction(KernelWriter k, FloatArith a, ReducedElements elements, int result) {
        Code c = k.code();
        a.constant(identity());
        c.localSet(result);
        elements.forEach(() -> {
            emitMap(k, a);
            c.localGet(result);
            emitCombine(a);
            c.localSet(result);
        });
        c.localGet(result);
        emitFinish(k, a, elements.count());
        c.localSet(result);
    }

    Plan plan(OpContext ctx) {
        Shape s = ctx.inputType(0).shape();
        boolean axesInput = ctx.opset() >= axesInputSince();
        boolean keepDims = ctx.attrs().getInt("keepdims", 1) != 0;
        boolean noopWhenEmpty = axesInput && ctx.attrs().getInt("noop_with_empty_axes", 0) != 0;
        long[] axes;
        if (axesInput) {
            axes = new long[0];
            if (ctx.hasInput(1)) {
                Tensor t = ctx.requireConstantInput(1, "axes");
                if (t.dataType() != DataType.INT64 || t.shape().rank() > 1) {
                    throw ctx.error("axes must be a 1-D int64 tensor, got " + t.type());
                }
                axes = t.toLongs();
            }
        } else {
            axes = ctx.attrs().getInts("axes", new long[0]);
        }
        int rank = s.rank();
        boolean[] reduced = new boolean[rank];
        if (axes.length == 0) {
            if (noopWhenEmpty) {
                return new Plan(reduced, true, s);
            }
            java.util.Arrays.fill(reduced, true);
        }
        for (long a : axes) {
            if (a < -rank || a >= rank) {
                throw ctx.error("axis " + a + " is out of range for input of shape " + s);
            }
            int axis = (int) (a < 0 ? a + rank : a);
            if (reduced[axis]) {
                throw ctx.error("axis " + a + " is given twice");
            }
            reduced[axis] = true;
        }
        List<Integer> out = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                out.add(s.dim(d));
            } else if (keepDims) {
                out.add(1);
            }
        }
        return new Plan(reduced, false, Shape.of(out.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, ctx.opset() >= axesInputSince() ? 2 : 1);
        ctx.expectType(0, List.of(DataType.FLOAT32, DataType.FLOAT64));
        return List.of(new TensorType(ctx.inputType(0).dataType(), plan(ctx).out()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        Shape s = ctx.inputType(0).shape();
        int x = k.address(ctx.inputName(0));
        int y = k.address(ctx.outputName(0));
        if (p.identity()) {
            k.copyBytes(x, y, (int) ctx.inputType(0).byteSize());
            return;
        }
        if (p.out().elementCount() == 0) {
            return;
        }
        Code c = k.code();
        FloatArith a = FloatArith.of(c, ctx.inputType(0).dataType());
        Loops kept = Loops.of(s, p.reduced(), false, a.bytes());
        Loops red = Loops.of(s, p.reduced(), true, a.bytes());
        int base = k.newI32();
        int ptr = k.newI32();
        int outPtr = k.newI32();
        int result = k.newLocal(a.valType());
        int count = red.count();
        ReducedElements elements = new ReducedElements() {
            @Override
            public void forEach(Runnable consumer) {
                c.localGet(base).localSet(ptr);
                StridedNest.emit(k, red.dims(), red.strides(), ptr, () -> {
                    c.localGet(ptr);
                    a.load(x);
                    consumer.run();
                });
            }

            @Override
            public int count() {
                return count;
            }
        };
        c.i32Const(0).localSet(base).i32Const(0).localSet(outPtr);
        StridedNest.emit(k, kept.dims(), kept.strides(), base, () -> {
            emitReduction(k, a, elements, result);
            c.localGet(outPtr).localGet(result);
            a.store(y);
            c.localGet(outPtr).i32Const(a.bytes()).i32Add().localSet(outPtr);
        });
    }

    /** Dimensions of one kind (kept or reduced), size-1 ones dropped and contiguous neighbours merged. */
    record Loops(int[] dims, int[] strides) {
        static Loops of(Shape s, boolean[] reduced, boolean wantReduced, int elementBytes) {
            int[] st = s.strides();
            List<int[]> loops = new ArrayList<>();
            for (int d = 0; d < s.rank(); d++) {
                if (reduced[d] != wantReduced || s.dim(d) == 1) {
                    continue;
                }
                int stride = st[d] * elementBytes;
                if (!loops.isEmpty()) {
                    int[] prev = loops.get(loops.size() - 1);
                    if (prev[1] == stride * s.dim(d)) {
                        prev[0] *= s.dim(d);
                        prev[1] = stride;
                        continue;
                    }
                }
                loops.add(new int[] {s.dim(d), stride});
            }
            return new Loops(loops.stream().mapToInt(l -> l[0]).toArray(), loops.stream().mapToInt(l -> l[1]).toArray());
        }

        int count() {
            int n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }
    }
}
