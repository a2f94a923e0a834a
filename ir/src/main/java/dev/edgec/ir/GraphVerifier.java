package dev.edgec.ir;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks the invariants every pass may rely on: values are defined once, before use, and typed;
 * graph outputs exist and agree with their declared types.
 */
public final class GraphVerifier {
    private GraphVerifier() {
    }

    /** Throws {@link IrVerificationException} naming the first broken invariant. */
    public static void verify(Graph g) {
        Set<String> defined = new HashSet<>();
        for (Value v : g.inputs()) {
            define(defined, v.name(), "graph input");
        }
        for (String c : g.constants().keySet()) {
            if (!defined.add(c)) {
                throw new IrVerificationException("constant '" + c + "' is also a graph input");
            }
        }
        for (Node n : g.nodes()) {
            for (String in : n.inputs()) {
                if (!in.isEmpty() && !defined.contains(in)) {
                    throw new IrVerificationException(n.describe() + " reads '" + in
                            + "' before it is defined (or it is never defined)");
                }
            }
            for (String out : n.outputs()) {
                if (out.isEmpty()) {
                    continue;
                }
                define(defined, out, n.describe());
                if (!g.types().containsKey(out)) {
                    throw new IrVerificationException(n.describe() + " output '" + out + "' has no type");
                }
            }
        }
        for (Value v : g.outputs()) {
            if (!defined.contains(v.name())) {
                throw new IrVerificationException("graph output '" + v.name() + "' is never defined");
            }
            TensorType actual = g.types().get(v.name());
            if (!v.type().equals(actual)) {
                throw new IrVerificationException("graph output '" + v.name() + "' is declared " + v.type()
                        + " but computed as " + actual);
            }
        }
    }

    private static void define(Set<String> defined, String name, String where) {
        if (!defined.add(name)) {
            throw new IrVerificationException("value '" + name + "' is defined twice (again by " + where + ")");
        }
    }
}
