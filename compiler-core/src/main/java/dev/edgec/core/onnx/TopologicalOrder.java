package dev.edgec.core.onnx;

import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.ir.InvalidModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a graph's nodes so that every value is produced before it is read. ONNX requires files to
 * be sorted already, but some exporters are not, so edgec sorts (stably: a sorted graph keeps its
 * order) and reports cycles, values produced twice and values nothing produces.
 */
final class TopologicalOrder {
    private TopologicalOrder() {
    }

    static List<NodeProto> sort(GraphProto g, Set<String> graphInputs, Set<String> constants) {
        return sort(g, graphInputs, constants, false);
    }

    /**
     * @param outerScope the graph is a subgraph: a name nothing in it defines is a value of an enclosing
     *                   graph (checked when the subgraph is inlined), not an error
     */
    static List<NodeProto> sort(GraphProto g, Set<String> graphInputs, Set<String> constants, boolean outerScope) {
        int n = g.getNodeCount();
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String out : g.getNode(i).getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (producer.put(out, i) != null || graphInputs.contains(out) || constants.contains(out)) {
                    throw new InvalidModelException("value '" + out + "' is produced more than once (again by node "
                            + describe(g.getNode(i), i) + ")");
                }
            }
        }
        int[] pending = new int[n];
        List<List<Integer>> consumers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            consumers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Set<Integer> deps = new HashSet<>();
            // a node also reads what its subgraphs read from this graph (If branches, Loop bodies)
            Set<String> reads = new java.util.LinkedHashSet<>(g.getNode(i).getInputList());
            reads.addAll(ImplicitInputs.of(g.getNode(i)));
            for (String in : reads) {
                if (in.isEmpty() || graphInputs.contains(in) || constants.contains(in)) {
                    continue;
                }
                Integer p = producer.get(in);
                if (p == null && outerScope) {
                    continue;
                }
                if (p == null) {
                    throw new InvalidModelException("node " + describe(g.getNode(i), i) + " reads '" + in
                            + "', which no node, input or initializer defines");
                }
                if (deps.add(p)) {
                    consumers.get(p).add(i);
                    pending[i]++;
                }
            }
        }
        // Kahn's algorithm, always taking the lowest ready index so sorted input stays unchanged.
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(g.getNode(i));
            for (int c : consumers.get(i)) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() != n) {
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    throw new InvalidModelException("the graph has a cycle through node " + describe(g.getNode(i), i));
                }
            }
        }
        return out;
    }

    private static String describe(NodeProto np, int index) {
        return np.getOpType() + " '" + (np.getName().isEmpty() ? "#" + index : np.getName()) + "'";
    }
}
