package dev.edgec.core.ops.shape;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the operators that compute shapes (mostly folded at compile time). */
public final class ShapeOperators {
    private ShapeOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Shape", 1, 21, new ShapeOp());
        r.register("Size", 1, 21, new SizeOp());
        r.register("ConstantOfShape", 9, 21, new ConstantOfShapeOp());
    }
}
