package dev.edgec.opt.memory;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lifetimes of the non-constant tensors of a graph in its node order. Graph inputs are live from
 * before the first node (step 0), graph outputs until after the last, so that the host can write
 * inputs before {@code run()} and read outputs after it.
 */
public final class Lifetimes {
    private Lifetimes() {
    }

    public static List<TensorLifetime> of(Graph g) {
        return of(g, Map.of());
    }

    /**
     * Lifetimes when some values are views of others ({@code viewOf}: view name to the value whose
     * bytes it shares). A view gets no slot of its own: its uses extend the lifetime of the value it
     * views, and views of constants need no arena space at all.
     */
    public static List<TensorLifetime> of(Graph g, Map<String, String> viewOf) {
        int end = g.nodes().size() + 1;
        Map<String, int[]> range = new LinkedHashMap<>();
        for (Value v : g.inputs()) {
            range.put(v.name(), new int[] {0, 0});
        }
        for (int i = 0; i < g.nodes().size(); i++) {
            Node n = g.nodes().get(i);
            int step = i + 1;
            for (String in : n.inputs()) {
                int[] r = range.get(root(in, viewOf));
                if (r != null) {
                    r[1] = Math.max(r[1], step);
                }
            }
            for (String out : n.outputs()) {
                if (!out.isEmpty() && !viewOf.containsKey(out)) {
                    range.put(out, new int[] {step, step});
                }
            }
        }
        for (Value v : g.outputs()) {
            int[] r = range.get(root(v.name(), viewOf));
            if (r != null) {
                r[1] = end;
            }
        }
        for (Value v : g.inputs()) {
            // The host writes inputs before run(); keep them intact for the whole run so a caller can re-run.
            range.get(v.name())[1] = end;
        }
        List<TensorLifetime> out = new ArrayList<>();
        range.forEach((name, r) -> out.add(new TensorLifetime(name, g.type(name).byteSize(), r[0], r[1])));
        return out;
    }

    /** The value whose bytes {@code name} shares, following chains of views. */
    public static String root(String name, Map<String, String> viewOf) {
        String v = name;
        while (viewOf.containsKey(v)) {
            v = viewOf.get(v);
        }
        return v;
    }
}
