package dev.edgec.core.ops.nn;

import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX MaxUnpool (opsets 9–21): the partial inverse of MaxPool. Y is zero except Y.flat[I[i]] = X.flat[i],
 * I holding MaxPool's int64 indices into the whole flattened Y (batch and channel included). Y's shape is
 * the constant output_shape input when given (it must be known at compile time), else per spatial axis
 * (in − 1) · stride + kernel − pad_begin − pad_end. With output_shape, indices are flat positions in
 * that shape, as ONNX Runtime reads them (ONNX's reference implementation instead scatters into the
 * computed shape and pads it to output_shape, so node/test_maxunpool_export_with_output_shape differs).
 * Indices are run-time data: one outside Y makes {@code run()} fail with INDEX_OUT_OF_RANGE. Later writes
 * to the same element win, as in ONNX Runtime.
 */
public final class MaxUnpoolOp implements Operator {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        return List.of(new TensorType(ctx.inputType(0).dataType(), outputShape(ctx)));
    }

    private static Shape outputShape(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectType(0, TYPES);
        ctx.expectType(1, List.of(DataType.INT64));
        Shape x = ctx.inputType(0).shape();
        int spatial = x.rank() - 2;
        if (spatial < 1) {
            throw ctx.error("input X must have rank 3 or more (N, C, spatial...), got " + x);
        }
        if (!ctx.inputType(1).shape().equals(x)) {
            throw ctx.error("input I must have the shape of X " + x + ", got " + ctx.inputType(1).shape());
        }
        int[] kernel = ctx.attrs().getIntsAsInt("kernel_shape", null);
        if (kernel == null) {
            throw ctx.error("required attribute 'kernel_shape' is missing");
        }
        int[] strides = ctx.attrs().getIntsAsInt("strides", filled(spatial, 1));
        int[] pads = ctx.attrs().getIntsAsInt("pads", new int[2 * spatial]);
        if (kernel.length != spatial || strides.length != spatial || pads.length != 2 * spatial) {
            throw ctx.error("kernel_shape " + Arrays.toString(kernel) + ", strides " + Arrays.toString(strides) + " and pads "
                    + Arrays.toString(pads) + " must have " + spatial + ", " + spatial + " and " + 2 * spatial
                    + " values for input " + x);
        }
        int[] dims = x.dims();
        for (int i = 0; i < spatial; i++) {
            if (kernel[i] < 1 || strides[i] < 1 || pads[i] < 0 || pads[i + spatial] < 0) {
                throw ctx.error("kernel_shape and strides must be positive and pads not negative, got kernel_shape "
                        + Arrays.toString(kernel) + ", strides " + Arrays.toString(strides) + ", pads " + Arrays.toString(pads));
            }
            dims[i + 2] = (dims[i + 2] - 1) * strides[i] + kernel[i] - pads[i] - pads[i + spatial];
        }
        if (ctx.hasInput(2) && !ctx.inputName(2).isEmpty()) {
            return given(ctx, x.rank());
        }
        for (int d : dims) {
            if (d < 1) {
                throw ctx.error("the output shape " + Arrays.toString(dims) + " computed from " + x
                        + " and the attributes has an empty dimension");
            }
        }
        return Shape.of(dims);
    }

    private static Shape given(OpContext ctx, int rank) {
        ctx.expectType(2, List.of(DataType.INT64));
        Tensor t = ctx.requireConstantInput(2, "output_shape");
        if (t.shape().rank() != 1 || t.elementCount() != rank) {
            throw ctx.error("output_shape must hold " + rank + " values, got shape " + t.shape());
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            long d = t.getLong(i);
            if (d < 1 || d > Integer.MAX_VALUE) {
                throw ctx.error("output_shape " + Arrays.toString(t.toLongs()) + " must hold positive sizes");
            }
            dims[i] = (int) d;
        }
        return Shape.of(dims);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        DataType t = ctx.inputType(0).dataType();
        int x = k.address(ctx.inputName(0));
        int indices = k.address(ctx.inputName(1));
        int y = k.address(ctx.outputName(0));
        int inputs = ctx.inputType(0).shape().elementCount();
        long outputs = ctx.outputType(0).shape().elementCount();
        var c = k.code();
        k.forRange((int) outputs, i -> {
            k.pushByteOffset(i, t);
            if (t == DataType.FLOAT64) {
                c.f64Const(0);
            } else {
                c.f32Const(0);
            }
            k.store(t, y);
        });
        int target = k.newI32();
        int wide = k.newLocal(dev.edgec.wasm.ValType.I64);
        k.forRange(inputs, i -> {
            c.localGet(i).i32Const(3).i32Shl().i64Load(indices).localTee(wide);
            // unsigned: a negative index is huge and fails the same test
            c.i64Const(outputs).i64GeU().if_();
            k.fail(RunStatus.INDEX_OUT_OF_RANGE);
            c.end();
            c.localGet(wide).i32WrapI64().localSet(target);
            k.pushByteOffset(target, t);
            k.pushByteOffset(i, t);
            k.load(t, x);
            k.store(t, y);
        });
    }
}
