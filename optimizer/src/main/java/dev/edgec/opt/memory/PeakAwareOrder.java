package dev.edgec.opt.memory;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A topological order of a graph's nodes chosen to keep few bytes live: among the nodes whose inputs
 * are ready, it runs the one that frees the most bytes net of what it allocates (ties keep the
 * original order). Where branches join late (a residual block, two towers) this runs one branch to
 * its end before starting the other. The caller plans both orders and keeps the smaller arena, so
 * the heuristic can only help.
 */
public final class PeakAwareOrder {
    private PeakAwareOrder() {
    }

    /**
     * @param viewOf values that share another value's bytes (view name to the value it views)
     */
    public static List<Node> of(Graph g, Map<String, String> viewOf) {
        List<Node> nodes = g.nodes();
        Set<String> available = new HashSet<>(g.constants().keySet());
        g.inputs().forEach(v -> available.add(v.name()));
        Set<String> pinned = new HashSet<>(available);
        for (Value v : g.outputs()) {
            pinned.add(Lifetimes.root(v.name(), viewOf));
        }
        Map<String, Integer> readers = new HashMap<>();
        for (Node n : nodes) {
            for (String root : inputRoots(n, viewOf)) {
                readers.merge(root, 1, Integer::sum);
            }
        }
        // a node becomes ready when the last of its inputs is produced; only ready nodes are scored
        Map<String, List<Integer>> consumers = new HashMap<>();
        int[] missing = new int[nodes.size()];
        TreeSet<Integer> ready = new TreeSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : new HashSet<>(nodes.get(i).inputs())) {
                if (!in.isEmpty() && !available.contains(in)) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(i);
                    missing[i]++;
                }
            }
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        List<Node> order = new ArrayList<>();
        for (int step = 0; step < nodes.size(); step++) {
            int best = -1;
            long bestScore = Long.MIN_VALUE;
            for (int i : ready) {
                Node n = nodes.get(i);
                long score = -allocated(g, n, viewOf);
                for (String root : inputRoots(n, viewOf)) {
                    if (readers.get(root) == 1 && !pinned.contains(root) && g.types().containsKey(root)) {
                        score += g.type(root).byteSize();
                    }
                }
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                return nodes; // not a valid topological order to start with: keep it as it is
            }
            Node n = nodes.get(best);
            ready.remove(best);
            order.add(n);
            for (String root : inputRoots(n, viewOf)) {
                readers.merge(root, -1, Integer::sum);
            }
            for (String out : n.outputs()) {
                if (!out.isEmpty() && available.add(out)) {
                    for (int c : consumers.getOrDefault(out, List.of())) {
                        if (--missing[c] == 0) {
                            ready.add(c);
                        }
                    }
                }
            }
        }
        return order;
    }

    /** The distinct roots of a node's inputs: a node reading a value twice frees it once. */
    private static Set<String> inputRoots(Node n, Map<String, String> viewOf) {
        Set<String> roots = new HashSet<>();
        for (String in : n.inputs()) {
            if (!in.isEmpty()) {
                roots.add(Lifetimes.root(in, viewOf));
            }
        }
        return roots;
    }

    private static long allocated(Graph g, Node n, Map<String, String> viewOf) {
        long bytes = 0;
        for (String out : n.outputs()) {
            if (!out.isEmpty() && !viewOf.containsKey(out)) {
                bytes += g.type(out).byteSize();
            }
        }
        return bytes;
    }
}
