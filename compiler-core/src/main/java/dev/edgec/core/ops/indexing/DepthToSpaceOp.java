package dev.edgec.core.ops.indexing;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * DepthToSpace (opset 1+, {@code mode} DCR/CRD from 11) and SpaceToDepth (opset 1+): rearrange
 * blocks of {@code blocksize}² between the channel axis and the spatial axes of an NCHW tensor.
 * Both are a transpose of a 6-D view of the input, emitted as one strided copy.
 */
final class DepthToSpaceOp implements Operator {
    private final boolean toSpace;

    DepthToSpaceOp(boolean toSpace) {
        this.toSpace = toSpace;
    }

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(1, 1);
        Shape in = ctx.inputType(0).shape();
        int b = blockSize(ctx);
        boolean crd = crd(ctx);
        if (in.rank() != 4) {
            throw ctx.error("input must be 4-D (NCHW), got " + in);
        }
        int n = in.dim(0);
        int c = in.dim(1);
        int h = in.dim(2);
        int w = in.dim(3);
        Shape out;
        if (toSpace) {
            if (c % (b * b) != 0) {
                throw ctx.error(c + " channels do not divide into blocks of " + b + "x" + b);
            }
            out = Shape.of(n, c / (b * b), h * b, w * b);
        } else {
            if (h % b != 0 || w % b != 0) {
                throw ctx.error("spatial size " + h + "x" + w + " is not a multiple of blocksize " + b);
            }
            out = Shape.of(n, c * b * b, h / b, w / b);
        }
        return List.of(new TensorType(ctx.inputType(0).dataType(), out));
    }

    private static int blockSize(OpContext ctx) {
        long b = ctx.attrs().requireInt("blocksize");
        if (b < 1 || b > 65536) {
            throw ctx.error("blocksize " + b + " must be positive");
        }
        return (int) b;
    }

    private boolean crd(OpContext ctx) {
        if (!toSpace || ctx.opset() < 11) {
            return false;
        }
        String mode = ctx.attrs().getString("mode", "DCR");
        if (!mode.equals("DCR") && !mode.equals("CRD")) {
            throw ctx.error("mode '" + mode + "' must be DCR or CRD");
        }
        return mode.equals("CRD");
    }

    private StridedView view(OpContext ctx) {
        Shape in = ctx.inputType(0).shape();
        int b = blockSize(ctx);
        int n = in.dim(0);
        int c = in.dim(1);
        int h = in.dim(2);
        int w = in.dim(3);
        long sn = (long) c * h * w;
        if (toSpace) {
            int c2 = c / (b * b);
            long hw = (long) h * w;
            // output walked as [n, c', h, b1, w, b2]; DCR reads channel (b1·b + b2)·c' + c', CRD c'·b² + b1·b + b2
            long sc = crd(ctx) ? b * b * hw : hw;
            long sb1 = crd(ctx) ? b * hw : (long) b * c2 * hw;
            long sb2 = crd(ctx) ? hw : c2 * hw;
            return new StridedView(new int[]{n, c2, h, b, w, b}, new long[]{sn, sc, w, sb1, 1, sb2}, 0);
        }
        // output walked as [n, b1, b2, c, h', w'], reading input (c, h'·b + b1, w'·b + b2)
        return new StridedView(new int[]{n, b, b, c, h / b, w / b}, new long[]{sn, w, 1, (long) h * w, (long) b * w, b}, 0);
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        view(ctx).emitCopy(k, k.address(ctx.inputName(0)), k.address(ctx.outputName(0)),
                ctx.inputType(0).dataType().byteSize());
    }
}
