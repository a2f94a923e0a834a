package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import java.util.Optional;

/**
 * A zero-point operand of an integer kernel: absent (0), one value, or one per output channel. A
 * constant scalar, or a constant that is 0 for every channel, becomes an {@code i32.const}; any other
 * zero point is read from memory, its address asked for only at the first {@link #load}, so a zero
 * point the kernel never reads costs no data bytes.
 *
 * @param value      the graph value to read, or null when {@code constant} gives the zero point
 * @param constant   the zero point when {@code value} is null
 */
record ZeroPoint(String value, long constant, DataType type, boolean perChannel) {
    static final ZeroPoint NONE = new ZeroPoint(null, 0, DataType.INT8, false);

    /**
     * Reads input {@code i}: it must have {@code dataType}, and hold one value or, when
     * {@code channels > 0} values are allowed, that many in a 1-D tensor.
     */
    static void check(OpContext ctx, int i, DataType dataType, int channels, String what) {
        if (!ctx.hasInput(i)) {
            return;
        }
        if (ctx.inputType(i).dataType() != dataType) {
            throw ctx.error(what + " has type " + ctx.inputType(i).dataType().signatureName() + " but its tensor has type "
                    + dataType.signatureName());
        }
        int n = ctx.inputType(i).elementCount();
        boolean per = n != 1;
        if (per && (channels <= 0 || n != channels || ctx.inputType(i).shape().rank() != 1)) {
            throw ctx.unsupported(what + " of shape " + ctx.inputType(i).shape() + " is not supported; edgec takes a scalar"
                    + (channels > 0 ? " or " + channels + " values, one per output channel" : ""));
        }
    }

    /** The checked zero point input {@code i} for lowering (no address is asked for yet). */
    static ZeroPoint lower(OpContext ctx, int i, DataType dataType, boolean perChannel) {
        if (!ctx.hasInput(i)) {
            return NONE;
        }
        Optional<Tensor> c = ctx.constantInput(i);
        if (c.isPresent() && (c.get().elementCount() == 1 || allZero(c.get()))) {
            return new ZeroPoint(null, c.get().getLong(0), dataType, false);
        }
        return new ZeroPoint(ctx.inputName(i), 0, dataType, perChannel);
    }

    private static boolean allZero(Tensor t) {
        for (long v : t.toLongs()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Loads the zero point (of the channel in local {@code channel} when per channel) into i32 local {@code into}. */
    void load(KernelWriter k, int channel, int into) {
        Code c = k.code();
        if (value == null) {
            c.i32Const((int) constant).localSet(into);
            return;
        }
        if (perChannel) {
            k.pushByteOffset(channel, type);
        } else {
            c.i32Const(0);
        }
        k.load(type, k.address(value));
        c.localSet(into);
    }
}
