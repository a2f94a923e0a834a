package dev.edgec.core.control;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The plain nodes control-flow expansion adds around inlined subgraphs (Identity to bind outputs,
 * Where to select, And for running loop conditions, Gather, Reshape and Concat to slice and stack
 * scans). They use opset 13 semantics whatever the model's opset, since the expander, not the model,
 * chose them; all run under the guards of the control-flow node they came from.
 */
final class Synthesized {
    private static final int OPSET = 13;

    private final ExpansionSink sink;
    private final Node owner;
    private final List<Guard> guards;

    Synthesized(ExpansionSink sink, Node owner, List<Guard> guards) {
        this.sink = sink;
        this.owner = owner;
        this.guards = guards;
    }

    /** Adds {@code opType(inputs) -> output}, named {@code owner/label}. */
    String node(String opType, List<String> inputs, String output, String label, Map<String, Attribute> attrs) {
        Node n = new Node(sink.nodeName(owner.name() + "/" + label), "", opType, OPSET, inputs, List.of(output), attrs);
        sink.add(Guard.attach(n, guards));
        return output;
    }

    String identity(String input, String output, String label) {
        return node("Identity", List.of(input), output, label, Map.of());
    }

    String where(String cond, String ifTrue, String ifFalse, String output, String label) {
        return node("Where", List.of(cond, ifTrue, ifFalse), output, label, Map.of());
    }

    String and(String a, String b, String output, String label) {
        return node("And", List.of(a, b), output, label, Map.of());
    }

    /** {@code input} reshaped to {@code shape} (a view: no copy at -O1). */
    String reshape(String input, Shape shape, String output, String label) {
        long[] dims = new long[shape.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.dim(i);
        }
        String target = output + "/shape";
        sink.addConstant(target, Tensor.ofLongs(DataType.INT64, Shape.of(dims.length), dims));
        return node("Reshape", List.of(input, target), output, label, Map.of());
    }

    /** Element {@code index} of {@code input} along {@code axis}, that axis removed. */
    String take(String input, long index, int axis, String output, String label) {
        String at = output + "/index";
        sink.addConstant(at, Tensor.ofLongs(DataType.INT64, Shape.scalar(), index));
        return node("Gather", List.of(input, at), output, label, Map.of("axis", new Attribute.IntAttr(axis)));
    }

    /** {@code parts} (all of one shape) stacked along a new axis {@code axis} of the result. */
    String stack(List<String> parts, int axis, String output, String label) {
        Shape part = sink.type(parts.get(0), owner).shape();
        int[] dims = new int[part.rank() + 1];
        for (int d = 0, s = 0; d < dims.length; d++) {
            dims[d] = d == axis ? 1 : part.dim(s++);
        }
        Shape one = Shape.of(dims);
        List<String> expanded = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            expanded.add(reshape(parts.get(i), one, output + "/part" + i, label + "_part" + i));
        }
        return node("Concat", expanded, output, label, Map.of("axis", new Attribute.IntAttr(axis)));
    }
}
