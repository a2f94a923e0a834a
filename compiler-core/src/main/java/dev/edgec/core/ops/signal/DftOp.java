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
 * DFT (opset 17): the discrete Fourier transform along one axis of {@code [batch, signal dims..., 1|2]}
 * (last dimension 1 for real samples, 2 for (re, im) pairs); the output has (re, im) pairs. float32
 * and float64, each computed in its own type. The signal
 * is zero-padded or truncated to {@code dft_length} (a constant input, default the axis' length);
 * {@code onesided} keeps bins 0..N/2, {@code inverse} uses e^(+2πi·kn/N) and divides by N.
 */
final class DftOp implements Operator {
    private record Layout(DataType type, int axis, int length, int bins, boolean complex, boolean inverse) {
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        Layout l = layout(ctx);
        int[] dims = ctx.inputType(0).shape().dims();
        dims[l.axis()] = l.bins();
        dims[dims.length - 1] = 2;
        return List.of(new TensorType(l.type(), Shape.of(dims)));
    }

    private static Layout layout(OpContext ctx) {
        ctx.expectInputs(1, 2);
        DataType type = ctx.expectType(0, List.of(DataType.FLOAT32, DataType.FLOAT64));
        Shape in = ctx.inputType(0).shape();
        int rank = in.rank();
        if (rank < 2 || (in.dim(rank - 1) != 1 && in.dim(rank - 1) != 2)) {
            throw ctx.error("input shape " + in + " must end in 1 (real) or 2 (complex) after at least one signal dimension");
        }
        long axisAttr = ctx.attrs().getInt("axis", 1);
        long axis = axisAttr < 0 ? axisAttr + rank : axisAttr;
        if (axis < 0 || axis > rank - 2) {
            throw ctx.error("axis " + axisAttr + " is out of range for input rank " + rank + " (the last dimension holds re/im)");
        }
        boolean inverse = flag(ctx, "inverse");
        boolean onesided = flag(ctx, "onesided");
        boolean complex = in.dim(rank - 1) == 2;
        if (onesided && (inverse || complex)) {
            // the one-sided spectrum is defined for the forward transform of a real signal only
            throw ctx.unsupported("onesided=1 is supported for a forward transform of a real input only");
        }
        int length = ctx.hasInput(1) ? ScalarInputs.positive(ctx, 1, "dft_length", DftKernel.MAX_LENGTH)
                : in.dim((int) axis);
        if (length == 0) {
            throw ctx.error("the signal axis " + axis + " has length 0, so the transform has no length");
        }
        if (length > DftKernel.MAX_LENGTH) {
            throw ctx.unsupported("transform length " + length + " is over edgec's limit of " + DftKernel.MAX_LENGTH);
        }
        return new Layout(type, (int) axis, length, onesided ? length / 2 + 1 : length, complex, inverse);
    }

    private static boolean flag(OpContext ctx, String name) {
        long v = ctx.attrs().getInt(name, 0);
        if (v != 0 && v != 1) {
            throw ctx.error("attribute '" + name + "' must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Layout l = layout(ctx);
        int[] dims = ctx.inputType(0).shape().dims();
        int outer = product(dims, 0, l.axis());
        int inner = product(dims, l.axis() + 1, dims.length - 1);
        int signal = dims[l.axis()];
        int channels = l.complex() ? 2 : 1;
        int es = l.type().byteSize();
        int inStep = inner * channels * es;
        int outStep = inner * 2 * es;
        DftKernel dft = new DftKernel(k, new DftKernel.Plan(l.type(), l.length(), Math.min(signal, l.length()), l.bins(),
                l.complex(), l.inverse()));
        int in = k.address(ctx.inputName(0));
        int out = k.address(ctx.outputName(0));
        int inStart = k.newI32();
        int outPtr = k.newI32();
        Code c = k.code();
        k.forRange(outer, o -> k.forRange(inner, i -> {
            c.localGet(o).i32Const(signal * inStep).i32Mul().localGet(i).i32Const(channels * es).i32Mul().i32Add()
                    .localSet(inStart);
            c.localGet(o).i32Const(l.bins() * outStep).i32Mul().localGet(i).i32Const(2 * es).i32Mul().i32Add()
                    .localSet(outPtr);
            dft.emit(in, inStart, inStep, -1, out, outPtr, outStep);
        }));
    }

    private static int product(int[] dims, int from, int to) {
        int p = 1;
        for (int d = from; d < to; d++) {
            p *= dims[d];
        }
        return p;
    }

    @Override
    public long macs(OpContext ctx) {
        TensorType out = ctx.outputType(0);
        Layout l = layout(ctx);
        int signal = ctx.inputType(0).shape().dim(l.axis());
        return (long) out.elementCount() / 2 * Math.min(signal, l.length()) * (l.complex() ? 4 : 2);
    }
}
