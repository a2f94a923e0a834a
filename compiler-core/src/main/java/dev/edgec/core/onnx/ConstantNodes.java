package dev.edgec.core.onnx;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;

/** The value of a {@code Constant} node, which import turns into a graph constant. */
final class ConstantNodes {
    private ConstantNodes() {
    }

    static Tensor value(Node n) {
        if (n.attributes().size() != 1 || n.outputs().size() != 1 || n.output(0).isEmpty() || !n.inputs().isEmpty()) {
            throw new InvalidModelException(n.describe() + " must have no inputs, one output and exactly one value attribute");
        }
        var e = n.attributes().entrySet().iterator().next();
        Attribute a = e.getValue();
        return switch (e.getKey()) {
            case "value" -> expect(n, a, Attribute.TensorAttr.class).value();
            case "value_float" -> Tensor.ofFloats(Shape.scalar(), expect(n, a, Attribute.FloatAttr.class).value());
            case "value_int" -> Tensor.ofLongs(DataType.INT64, Shape.scalar(), expect(n, a, Attribute.IntAttr.class).value());
            case "value_floats" -> {
                var v = expect(n, a, Attribute.FloatsAttr.class).values();
                float[] f = new float[v.size()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = v.get(i);
                }
                yield Tensor.ofFloats(Shape.of(f.length), f);
            }
            case "value_ints" -> {
                var v = expect(n, a, Attribute.IntsAttr.class).values();
                yield Tensor.ofLongs(DataType.INT64, Shape.of(v.size()), v.stream().mapToLong(Long::longValue).toArray());
            }
            case "sparse_value", "value_string", "value_strings" ->
                    throw new UnsupportedModelException(n.describe() + ": attribute '" + e.getKey() + "' is not supported");
            default -> throw new InvalidModelException(n.describe() + ": unknown attribute '" + e.getKey() + "'");
        };
    }

    private static <T extends Attribute> T expect(Node n, Attribute a, Class<T> kind) {
        if (!kind.isInstance(a)) {
            throw new InvalidModelException(n.describe() + ": value attribute has kind " + a.kind());
        }
        return kind.cast(a);
    }
}
