package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.Arrays;
import java.util.List;

/** What MaxPool and AveragePool share: the window attributes, shape inference and the kernel. */
abstract class WindowPoolOp implements Operator {
    /** The node's window and pooling options, resolved against the input shape. */
    record Plan(int planes, WindowGeometry window, boolean countPadding) {
    }

    /** Reads the attributes particular to the operator; returns whether padding counts in averages. */
    protected abstract boolean readOptions(OpContext ctx);

    protected abstract boolean hasCeilMode(int opset);

    protected abstract boolean hasDilations(int opset);

    protected abstract PoolKernel.Kind kind();

    /** The element types the operator takes at {@code opset}. */
    protected List<DataType> types(int opset) {
        return List.of(DataType.FLOAT32);
    }

    Plan plan(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectType(0, types(ctx.opset()));
        Shape x = ctx.inputType(0).shape();
        if (x.rank() < 3) {
            throw ctx.error("input X must have rank 3 or more (N, C, spatial...), got shape " + x);
        }
        int r = x.rank() - 2;
        int[] kernel = ctx.attrs().getIntsAsInt("kernel_shape", null);
        if (kernel == null) {
            throw ctx.error("required attribute 'kernel_shape' is missing");
        }
        int[] ones = new int[r];
        Arrays.fill(ones, 1);
        int[] dilations = hasDilations(ctx.opset()) ? ctx.attrs().getIntsAsInt("dilations", ones) : ones;
        boolean ceil = hasCeilMode(ctx.opset()) && ctx.attrs().getInt("ceil_mode", 0) != 0;
        boolean countPadding = readOptions(ctx);
        WindowGeometry g = WindowGeometry.resolve(ctx, Arrays.copyOfRange(x.dims(), 2, x.rank()), kernel,
                ctx.attrs().getIntsAsInt("strides", ones), dilations, ctx.attrs().getIntsAsInt("pads", null),
                AutoPad.read(ctx), ceil);
        for (int i = 0; i < r; i++) {
            // As in ONNX Runtime: otherwise a window could lie wholly in the padding, with no value to pool.
            if (g.padBegin()[i] >= kernel[i] || g.padEnd()[i] >= kernel[i]) {
                throw ctx.error("pads " + Arrays.toString(ctx.attrs().getIntsAsInt("pads", null))
                        + " must be smaller than kernel_shape " + Arrays.toString(kernel));
            }
        }
        return new Plan(x.dim(0) * x.dim(1), g, countPadding);
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Plan p = plan(ctx);
        Shape x = ctx.inputType(0).shape();
        int[] dims = new int[x.rank()];
        dims[0] = x.dim(0);
        dims[1] = x.dim(1);
        System.arraycopy(p.window().output(), 0, dims, 2, p.window().rank());
        return List.of(TensorType.of(ctx.inputType(0).dataType(), dims));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Plan p = plan(ctx);
        PoolKernel.emit(k, kind(), p.window(), p.planes(), k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                p.countPadding(), ctx.inputType(0).dataType());
    }
}
