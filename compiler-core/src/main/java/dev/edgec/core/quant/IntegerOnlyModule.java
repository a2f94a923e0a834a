package dev.edgec.core.quant;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import dev.edgec.ir.Value;
import dev.edgec.opt.pass.DeadCodeElimination;
import dev.edgec.opt.pass.Uses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last step of {@code --integer-only}, after {@link IntegerFusion}: the module's inputs and
 * outputs become the quantized tensors at the graph's edges (a graph input read only by
 * QuantizeLinear nodes with one constant scale and zero point becomes that int8/uint8 tensor; a graph
 * output written by a per-tensor DequantizeLinear becomes the tensor it dequantizes; both keep their
 * names), and then any value still of a float type fails the compile with one line naming the
 * operators that have no integer kernel.
 */
public final class IntegerOnlyModule {
    private static final Set<DataType> FLOATS = Set.of(DataType.FLOAT32, DataType.FLOAT64, DataType.FLOAT16,
            DataType.BFLOAT16);

    /** Scale and zero point of an integer input or output. */
    public record EdgeParams(double scale, long zeroPoint) {
    }

    /** The integer graph and the parameters of its inputs and outputs, by name. */
    public record Result(Graph graph, Map<String, EdgeParams> edges) {
    }

    private IntegerOnlyModule() {
    }

    /**
     * Makes the graph's edges integer and checks that no float value is left.
     *
     * @throws UnsupportedModelException naming every operator (and edge) that stays float
     */
    public static Result apply(Graph g) {
        Map<String, String> rename = new HashMap<>();
        Map<String, EdgeParams> edges = new LinkedHashMap<>();
        Map<String, TensorType> newTypes = new HashMap<>();
        Set<Node> dropped = new java.util.HashSet<>();
        for (Value in : g.inputs()) {
            List<Node> readers = g.nodes().stream().filter(n -> n.inputs().contains(in.name())).toList();
            if (!FLOATS.contains(in.type().dataType()) || readers.isEmpty()) {
                continue;
            }
            Node first = readers.get(0);
            boolean allQuantize = readers.stream().allMatch(n -> isQuantize(g, n) && n.input(0).equals(in.name())
                    && !n.input(1).equals(in.name()) && sameParams(g, n, first));
            if (!allQuantize) {
                continue;
            }
            DataType t = g.type(first.input(2)).dataType();
            readers.forEach(n -> rename.put(n.output(0), in.name()));
            dropped.addAll(readers);
            newTypes.put(in.name(), new TensorType(t, in.type().shape()));
            edges.put(in.name(), params(g, first));
        }
        Uses uses = new Uses(g);
        for (Value out : g.outputs()) {
            Node dq = uses.producer(out.name());
            if (!FLOATS.contains(out.type().dataType()) || dq == null || !QdqFusion.isDequantize(dq)
                    || dq.inputs().size() != 3 || !QdqFusion.perTensorConstants(g, dq) || !uses.consumers(out.name()).isEmpty()
                    || !QdqFusion.EIGHT_BIT.contains(g.type(dq.input(0)).dataType())) {
                continue;
            }
            String q = dq.input(0);
            if (uses.producer(q) == null || g.isGraphOutput(q) || rename.containsKey(q) || rename.containsValue(out.name())
                    || g.outputs().stream().filter(v -> v.name().equals(out.name())).count() != 1) {
                continue;
            }
            rename.put(q, out.name());
            dropped.add(dq);
            newTypes.put(out.name(), g.type(q));
            edges.put(out.name(), params(g, dq));
        }
        Graph integer = new DeadCodeElimination().run(rebuild(g, rename, newTypes, dropped));
        check(integer);
        return new Result(integer, edges);
    }

    /**
     * Scale and zero point of the graph's inputs and outputs that are already 8-bit, read from the
     * graph before optimization: an input read only by per-tensor DequantizeLinear nodes with one set of
     * parameters, an output written by a per-tensor QuantizeLinear. They go into the signature beside
     * those {@link #apply} finds, so every quantized edge of an integer-only module says how to convert it.
     */
    public static Map<String, EdgeParams> declared(Graph g) {
        Map<String, EdgeParams> out = new LinkedHashMap<>();
        for (Value in : g.inputs()) {
            List<Node> readers = g.nodes().stream().filter(n -> n.inputs().contains(in.name())).toList();
            boolean allDq = !readers.isEmpty() && QdqFusion.EIGHT_BIT.contains(in.type().dataType())
                    && readers.stream().allMatch(n -> QdqFusion.isDequantize(n) && n.inputs().size() == 3
                            && n.input(0).equals(in.name()) && QdqFusion.perTensorConstants(g, n)
                            && sameParams(g, n, readers.get(0)));
            if (allDq) {
                out.put(in.name(), params(g, readers.get(0)));
            }
        }
        for (Value v : g.outputs()) {
            g.nodes().stream().filter(n -> n.outputs().contains(v.name()) && isQuantize(g, n)
                    && QdqFusion.EIGHT_BIT.contains(v.type().dataType())).findFirst()
                    .ifPresent(q -> out.put(v.name(), params(g, q)));
        }
        return out;
    }

    private static boolean isQuantize(Graph g, Node n) {
        return n.domain().isEmpty() && n.opType().equals("QuantizeLinear") && n.inputs().size() == 3
                && QdqFusion.perTensorConstants(g, n);
    }

    private static boolean sameParams(Graph g, Node a, Node b) {
        return g.constants().get(a.input(1)).getDouble(0) == g.constants().get(b.input(1)).getDouble(0)
                && g.constants().get(a.input(2)).getLong(0) == g.constants().get(b.input(2)).getLong(0)
                && g.type(a.input(2)).dataType() == g.type(b.input(2)).dataType();
    }

    private static EdgeParams params(Graph g, Node qOrDq) {
        Tensor s = g.constants().get(qOrDq.input(1));
        Tensor z = g.constants().get(qOrDq.input(2));
        return new EdgeParams((float) s.getDouble(0), z.getLong(0));
    }

    private static Graph rebuild(Graph g, Map<String, String> rename, Map<String, TensorType> newTypes, Set<Node> dropped) {
        Graph.Builder b = Graph.builder();
        for (Value v : g.inputs()) {
            b.addInput(new Value(v.name(), newTypes.getOrDefault(v.name(), v.type())));
        }
        g.constants().forEach(b::addConstant);
        for (Node n : g.nodes()) {
            if (dropped.contains(n)) {
                continue;
            }
            List<String> ins = n.inputs().stream().map(i -> rename.getOrDefault(i, i)).toList();
            List<String> outs = n.outputs().stream().map(o -> rename.getOrDefault(o, o)).toList();
            b.addNode(new Node(n.name(), n.domain(), n.opType(), n.opsetVersion(), ins, outs, n.attributes()));
            for (int i = 0; i < outs.size(); i++) {
                b.setType(outs.get(i), newTypes.getOrDefault(outs.get(i), g.type(n.output(i))));
            }
        }
        for (Value v : g.outputs()) {
            b.addOutput(new Value(v.name(), newTypes.getOrDefault(v.name(), v.type())));
        }
        return b.build();
    }

    /** Fails when any input, output or node value is still float (float constants read as parameters are fine). */
    static void check(Graph g) {
        List<String> left = new ArrayList<>();
        for (Node n : g.nodes()) {
            boolean floatIn = n.inputs().stream().anyMatch(i -> !i.isEmpty() && !g.constants().containsKey(i)
                    && FLOATS.contains(g.type(i).dataType()));
            boolean floatOut = n.outputs().stream().anyMatch(o -> !o.isEmpty() && FLOATS.contains(g.type(o).dataType()));
            if (floatIn || floatOut) {
                left.add((n.domain().isEmpty() ? "" : n.domain() + ".") + n.opType() + " '" + n.name() + "'");
            }
        }
        for (Value v : g.inputs()) {
            if (FLOATS.contains(v.type().dataType())) {
                left.add("graph input '" + v.name() + "' (" + v.type().dataType().signatureName() + ")");
            }
        }
        for (Value v : g.outputs()) {
            if (FLOATS.contains(v.type().dataType())) {
                left.add("graph output '" + v.name() + "' (" + v.type().dataType().signatureName() + ")");
            }
        }
        if (!left.isEmpty()) {
            throw new UnsupportedModelException("--integer-only: " + left.size() + " part(s) of the model have no integer "
                    + "kernel and would run in float: " + String.join(", ", left)
                    + " (only QDQ-quantized operators become integer kernels; see docs/quantization.md)");
        }
    }
}
