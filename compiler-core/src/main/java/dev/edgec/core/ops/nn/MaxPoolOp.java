package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX MaxPool (opsets 1–21, float32; int8 and uint8 from 12): kernel_shape, pads, auto_pad, strides, dilations (≥10) and
 * ceil_mode (≥10), and from opset 8 the optional int64 Indices output: the flattened input position of each
 * maximum (the first one on ties), its spatial part row-major or, with {@code storage_order} 1, column-major.
 */
public final class MaxPoolOp extends WindowPoolOp {
    @Override
    protected boolean readOptions(OpContext ctx) {
        if (ctx.opset() >= 8) {
            storageOrder(ctx);
        } else if (ctx.outputCount() > 1) {
            throw ctx.error("has one output before opset 8 (Indices came in 8), got " + ctx.outputCount());
        }
        if (ctx.outputCount() > 2) {
            throw ctx.error("has at most 2 outputs (Y, Indices), got " + ctx.outputCount());
        }
        return false;
    }

    /** Whether Indices is column-major: {@code storage_order} is 0 (row-major) or 1. */
    private static boolean storageOrder(OpContext ctx) {
        long order = ctx.attrs().getInt("storage_order", 0);
        if (order != 0 && order != 1) {
            throw ctx.error("storage_order must be 0 (row-major) or 1 (column-major), got " + order);
        }
        return order == 1;
    }

    private static boolean hasIndices(OpContext ctx) {
        return ctx.outputCount() > 1 && !ctx.outputName(1).isEmpty();
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        List<TensorType> types = new ArrayList<>(super.inferTypes(ctx));
        if (ctx.outputCount() > 1) {
            types.add(new TensorType(DataType.INT64, types.get(0).shape()));
        }
        return types;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        if (!hasIndices(ctx)) {
            super.lower(ctx, k);
            return;
        }
        Plan p = plan(ctx);
        PoolIndices.Target indices = new PoolIndices.Target(k.address(ctx.outputName(1)), storageOrder(ctx));
        PoolKernel.emitMaxWithIndices(k, p.window(), p.planes(), k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                ctx.inputType(0).dataType(), indices);
    }

    /** int8 and uint8 from opset 12, as ONNX defines them. */
    @Override
    protected List<DataType> types(int opset) {
        return opset >= 12 ? List.of(DataType.FLOAT32, DataType.INT8, DataType.UINT8) : List.of(DataType.FLOAT32);
    }

    @Override
    protected boolean hasCeilMode(int opset) {
        return opset >= 10;
    }

    @Override
    protected boolean hasDilations(int opset) {
        return opset >= 10;
    }

    @Override
    protected PoolKernel.Kind kind() {
        return PoolKernel.Kind.MAX;
    }
}
