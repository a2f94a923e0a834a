package dev.edgec.core.ops.signal;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * STFT (opset 17): the short-time Fourier transform of {@code signal [batch, length, 1|2]}. Frame f
 * holds samples {@code f·frame_step ..+ frame_length}, each multiplied by {@code window} (a float32
 * input of the signal's type, possibly computed at run time; no window means ones), and is transformed with a DFT of
 * length frame_length. Output {@code [batch, frames, bins, 2]} with frames = 1 + (length -
 * frame_length) / frame_step and bins = frame_length/2 + 1 when {@code onesided} (the default).
 * frame_step and frame_length decide the output shape, so they must be constants.
 */
final class StftOp implements Operator {
    private record Layout(DataType type, int batch, int signal, boolean complex, int step, int frameLength, int frames, int bins,
                          boolean windowed) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Layout l = layout(ctx);
        return List.of(new TensorType(l.type(), Shape.of(l.batch(), l.frames(), l.bins(), 2)));
    }

    private static Layout layout(OpContext ctx) {
        ctx.expectInputs(2, 4);
        DataType type = ctx.expectType(0, List.of(DataType.FLOAT32, DataType.FLOAT64));
        Shape in = ctx.inputType(0).shape();
        if (in.rank() != 3 || (in.dim(2) != 1 && in.dim(2) != 2)) {
            throw ctx.error("signal shape " + in + " must be [batch, length, 1] (real) or [batch, length, 2] (complex)");
        }
        int signal = in.dim(1);
        boolean complex = in.dim(2) == 2;
        long onesidedAttr = ctx.attrs().getInt("onesided", 1);
        if (onesidedAttr != 0 && onesidedAttr != 1) {
            throw ctx.error("attribute 'onesided' must be 0 or 1, got " + onesidedAttr);
        }
        boolean onesided = onesidedAttr == 1;
        if (onesided && complex) {
            throw ctx.unsupported("onesided=1 needs a real signal; set onesided=0 for a complex one");
        }
        int step = ScalarInputs.positive(ctx, 1, "frame_step", Integer.MAX_VALUE);
        boolean windowed = ctx.hasInput(2);
        int windowLength = -1;
        if (windowed) {
            if (ctx.inputType(2).dataType() != type) {
                throw ctx.error("window has type " + ctx.inputType(2).dataType().signatureName() + ", the signal "
                        + type.signatureName());
            }
            Shape w = ctx.inputType(2).shape();
            if (w.rank() != 1) {
                throw ctx.error("window must be 1-D, got shape " + w);
            }
            windowLength = w.dim(0);
        }
        int frameLength;
        if (ctx.hasInput(3)) {
            frameLength = ScalarInputs.positive(ctx, 3, "frame_length", DftKernel.MAX_LENGTH);
            if (windowed && windowLength != frameLength) {
                throw ctx.error("window length " + windowLength + " differs from frame_length " + frameLength);
            }
        } else {
            frameLength = windowed ? windowLength : signal;
        }
        if (frameLength < 1 || frameLength > signal) {
            throw ctx.error("frame length " + frameLength + " must be in [1, signal length " + signal + "]");
        }
        if (frameLength > DftKernel.MAX_LENGTH) {
            throw ctx.unsupported("frame length " + frameLength + " is over edgec's limit of " + DftKernel.MAX_LENGTH);
        }
        int frames = 1 + (signal - frameLength) / step;
        int bins = onesided ? frameLength / 2 + 1 : frameLength;
        return new Layout(type, in.dim(0), signal, complex, step, frameLength, frames, bins, windowed);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Layout l = layout(ctx);
        int channels = l.complex() ? 2 : 1;
        int es = l.type().byteSize();
        int sampleBytes = channels * es;
        DftKernel dft = new DftKernel(k, new DftKernel.Plan(l.type(), l.frameLength(), l.frameLength(), l.bins(), l.complex(), false));
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int window = l.windowed() ? k.address(ctx.inputName(2)) : -1;
        int inStart = k.newI32();
        int outPtr = k.newI32();
        Code c = k.code();
        c.i32Const(0).localSet(outPtr);
        k.forRange(l.batch(), b -> k.forRange(l.frames(), f -> {
            c.localGet(b).i32Const(l.signal() * sampleBytes).i32Mul()
                    .localGet(f).i32Const(Math.min(l.step(), l.signal()) * sampleBytes).i32Mul().i32Add().localSet(inStart);
            dft.emit(in, inStart, sampleBytes, window, out, outPtr, 2 * es);
        }));
    }

    @Override
    public long macs(OpContext ctx) {
        Layout l = layout(ctx);
        return (long) l.batch() * l.frames() * l.bins() * l.frameLength() * (l.complex() ? 4 : 2);
    }
}
