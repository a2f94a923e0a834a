package dev.edgec.core.ops;

import dev.edgec.ir.Shape;
import java.util.List;

/** Shape rules shared by many operators. */
public final class ShapeInference {
    private ShapeInference() {
    }

    /** Numpy multidirectional broadcasting of any number of shapes, or null if they do not broadcast. */
    public static Shape broadcast(List<Shape> shapes) {
        int rank = shapes.stream().mapToInt(Shape::rank).max().orElse(0);
        int[] out = new int[rank];
        java.util.Arrays.fill(out, 1);
        for (Shape s : shapes) {
            int offset = rank - s.rank();
            for (int i = 0; i < s.rank(); i++) {
                int d = s.dim(i);
                int o = out[offset + i];
                if (o == d || d == 1) {
                    continue;
                }
                if (o == 1) {
                    out[offset + i] = d;
                } else {
                    return null;
                }
            }
        }
        return Shape.of(out);
    }
}
