package dev.edgec.core.ops.nn;

import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/**
 * ONNX MaxPool (opsets 1–21, float32; int8 and uint8 from 12): kernel_shape, pads, auto_pad, strides, dilations (≥10) and
 * ceil_mode (≥10). Only output Y is computed; the Indices output (≥8) is rejected.
 */
public final class MaxPoolOp extends WindowPoolOp {
    @Override
    protected boolean readOptions(OpContext ctx) {
        if (ctx.opset() >= 8) {
            long order = ctx.attrs().getInt("storage_order", 0);
            if (order != 0) {
                throw ctx.unsupported("storage_order " + order + " is not supported (only 0)");
            }
            if (ctx.outputCount() > 1 && !ctx.outputName(1).isEmpty()) {
                throw ctx.unsupported("the Indices output of MaxPool is not supported; edgec computes only Y");
            }
        }
        return false;
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
