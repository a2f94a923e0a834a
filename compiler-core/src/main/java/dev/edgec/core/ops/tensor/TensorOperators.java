package dev.edgec.core.ops.tensor;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the shape and data-movement operators. */
public final class TensorOperators {
    private TensorOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Reshape", 5, 21, new ReshapeOp());
        r.register("Flatten", 1, 21, new FlattenOp());
        r.register("Squeeze", 1, 21, new SqueezeOp());
        r.register("Unsqueeze", 1, 21, new UnsqueezeOp());
        r.register("Identity", 1, 21, new IdentityOp());
        r.register("Dropout", 7, 21, new DropoutOp());
        r.register("Transpose", 1, 21, new TransposeOp());
        r.register("Concat", 4, 21, new ConcatOp());
        r.register("Pad", 2, 21, new PadOp());
    }
}
