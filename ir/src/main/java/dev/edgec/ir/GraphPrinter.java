package dev.edgec.ir;

import java.util.Map;
import java.util.stream.Collectors;

/** A readable text form of a graph, for {@code --dump-ir-after} and test failure messages. */
public final class GraphPrinter {
    private GraphPrinter() {
    }

    public static String print(Graph g) {
        StringBuilder sb = new StringBuilder();
        for (Value v : g.inputs()) {
            sb.append("input ").append(v.name()).append(": ").append(v.type()).append('\n');
        }
        for (Map.Entry<String, Tensor> c : g.constants().entrySet()) {
            sb.append("const ").append(c.getKey()).append(": ").append(c.getValue().type()).append('\n');
        }
        for (Node n : g.nodes()) {
            sb.append(n.outputs().stream().map(o -> o.isEmpty() ? "_" : o + ": " + g.types().get(o))
                    .collect(Collectors.joining(", ")));
            sb.append(" = ").append(n.domain().isEmpty() ? "" : n.domain() + ".").append(n.opType());
            if (!n.attributes().isEmpty()) {
                sb.append(n.attributes().entrySet().stream().map(e -> e.getKey() + "=" + describe(e.getValue()))
                        .collect(Collectors.joining(", ", "[", "]")));
            }
            sb.append('(').append(String.join(", ", n.inputs())).append(")  # ").append(n.name()).append('\n');
        }
        for (Value v : g.outputs()) {
            sb.append("output ").append(v.name()).append(": ").append(v.type()).append('\n');
        }
        return sb.toString();
    }

    private static String describe(Attribute a) {
        if (a instanceof Attribute.FloatAttr f) {
            return String.valueOf(f.value());
        } else if (a instanceof Attribute.IntAttr i) {
            return String.valueOf(i.value());
        } else if (a instanceof Attribute.StringAttr s) {
            return '"' + s.value() + '"';
        } else if (a instanceof Attribute.TensorAttr t) {
            return t.value().type().toString();
        } else if (a instanceof Attribute.FloatsAttr f) {
            return f.values().toString();
        } else if (a instanceof Attribute.IntsAttr i) {
            return i.values().toString();
        } else if (a instanceof Attribute.StringsAttr s) {
            return s.values().toString();
        }
        return "<" + a.kind() + ">";
    }
}
