package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;

/**
 * A zero-point operand of an integer kernel: absent (0), one value, or one per output channel. It is
 * read from memory, so it may be a constant or a graph input.
 */
record ZeroPoint(int address, DataType type, boolean perChannel) {
    static final ZeroPoint NONE = new ZeroPoint(-1, DataType.INT8, false);

    /**
     * Reads input {@code i}: it must have {@code dataType}, and hold one value or, when
     * {@code channels > 0} values are allowed, that many in a 1-D tensor.
     */
    static ZeroPoint check(OpContext ctx, int i, DataType dataType, int channels, String what) {
        if (!ctx.hasInput(i)) {
            return NONE;
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
        return new ZeroPoint(-2, dataType, per);
    }

    /** Binds a checked zero point to its address for lowering. */
    static ZeroPoint lower(OpContext ctx, KernelWriter k, int i, DataType dataType, boolean perChannel) {
        return ctx.hasInput(i) ? new ZeroPoint(k.address(ctx.inputName(i)), dataType, perChannel) : NONE;
    }

    /** Loads the zero point (of the channel in local {@code channel} when per channel) into i32 local {@code into}. */
    void load(KernelWriter k, int channel, int into) {
        Code c = k.code();
        if (address < 0) {
            c.i32Const(0).localSet(into);
            return;
        }
        if (perChannel) {
            k.pushByteOffset(channel, type);
        } else {
            c.i32Const(0);
        }
        k.load(type, address);
        c.localSet(into);
    }
}
