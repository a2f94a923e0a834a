package dev.edgec.core.lower;

import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import dev.edgec.opt.memory.Lifetimes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses, for the nodes whose operator {@link dev.edgec.core.ops.Operator#canRunInPlace can run in
 * place}, an input whose bytes output 0 may take over: same element type and count, not a constant,
 * graph input or graph output, and read by no later node (through any view of it). The result maps
 * such outputs to that input, in the same form as views, so the lifetime and address code treats
 * both alike; unlike a view, the node still runs its kernel.
 */
public final class InPlacePlanner {
    private InPlacePlanner() {
    }

    /**
     * @param nodes  the execution order
     * @param viewOf views already decided (view name to viewed value)
     * @return output name to the value whose bytes it overwrites (the root of the input it takes over)
     */
    public static Map<String, String> choose(Graph g, List<Node> nodes, OperatorRegistry registry, Map<String, String> viewOf) {
        Map<String, String> alias = new HashMap<>(viewOf);
        Map<String, Integer> lastRead = new HashMap<>();
        Set<String> pinned = new HashSet<>(g.constants().keySet());
        g.inputs().forEach(v -> pinned.add(v.name()));
        for (Value v : g.outputs()) {
            pinned.add(Lifetimes.root(v.name(), viewOf));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : nodes.get(i).inputs()) {
                if (!in.isEmpty()) {
                    lastRead.put(Lifetimes.root(in, viewOf), i);
                }
            }
        }
        Map<String, String> inPlace = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            String out = n.outputs().isEmpty() ? "" : n.output(0);
            if (out.isEmpty() || alias.containsKey(out) || n.outputs().size() != 1 || pinned.contains(out)) {
                continue;
            }
            OpContext ctx = new OpContext(n, n.opsetVersion(), g::type, g.constants());
            if (!registry.operatorFor(n, n.opsetVersion()).canRunInPlace(ctx)) {
                continue;
            }
            TensorType outType = g.type(out);
            for (String in : n.inputs()) {
                if (in.isEmpty()) {
                    continue;
                }
                String root = root(in, alias);
                TensorType inType = g.type(in);
                if (pinned.contains(root) || lastRead.getOrDefault(root, -1) != i
                        || inType.dataType() != outType.dataType() || inType.elementCount() != outType.elementCount()
                        || g.type(root).byteSize() != outType.byteSize()) {
                    continue;
                }
                // mapped to the root, not to the input, so that chains of in-place nodes stay one step deep
                // for every later Lifetimes.root walk (the root is final: it was produced before this node)
                alias.put(out, root);
                inPlace.put(out, root);
                // the output now holds the root's bytes: its later readers (and its views') keep them alive
                lastRead.merge(root, lastRead.getOrDefault(out, -1), Math::max);
                break;
            }
        }
        return inPlace;
    }

    /**
     * The value whose bytes {@code name} uses, following views and in-place outputs. Each walk points
     * every name on its path straight at the root, so a chain of thousands of in-place nodes costs
     * about linear time, not quadratic. A shortcut stays right when a root later becomes an alias
     * itself: it then points on to the new root.
     */
    private static String root(String name, Map<String, String> alias) {
        String r = name;
        for (String next = alias.get(r); next != null; next = alias.get(r)) {
            r = next;
        }
        for (String v = name; !v.equals(r); ) {
            v = alias.put(v, r);
        }
        return r;
    }
}
