package dev.edgec.core.control;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A condition under which a node runs: the node's kernel is called only when the bool scalar
 * {@code value} is {@code whenTrue} at run time. Nodes inlined from an If branch whose condition is
 * run-time data carry the branch's guard, and nodes of a Loop iteration after a run-time condition carry
 * the running condition, so an untaken branch neither costs time nor reports an error status from data
 * it was never meant to see. Guards live in a reserved attribute ({@value #ATTRIBUTE}, one entry
 * {@code "+value"} or {@code "!value"} per guard, all must hold) that the importer refuses in user models.
 *
 * <p>Every guard value is also read, after all the nodes it guards, by an ordinary node (the Where
 * that selects the If's outputs, the And of the next loop condition), so it stays alive; the module
 * assembler still treats guards as reads when it orders nodes and plans memory.
 */
public record Guard(String value, boolean whenTrue) {
    /** The reserved attribute holding a node's guards. */
    public static final String ATTRIBUTE = dev.edgec.opt.pass.InternalAttributes.GUARDS;

    /** The guards of {@code n}, outermost first (empty for a node that always runs). */
    public static List<Guard> of(Node n) {
        Attribute a = n.attributes().get(ATTRIBUTE);
        List<Guard> out = new ArrayList<>();
        if (a instanceof Attribute.StringsAttr s) {
            for (String g : s.values()) {
                out.add(new Guard(g.substring(1), g.charAt(0) == '+'));
            }
        }
        return out;
    }

    /** {@code n} running only when all {@code guards} hold (n without guards when the list is empty). */
    public static Node attach(Node n, List<Guard> guards) {
        Map<String, Attribute> attrs = new LinkedHashMap<>(n.attributes());
        attrs.remove(ATTRIBUTE);
        if (!guards.isEmpty()) {
            attrs.put(ATTRIBUTE, new Attribute.StringsAttr(guards.stream().map(g -> (g.whenTrue ? "+" : "!") + g.value).toList()));
        }
        return new Node(n.name(), n.domain(), n.opType(), n.opsetVersion(), n.inputs(), n.outputs(), attrs);
    }

    /** {@code n} without its guards: what its operator sees. */
    public static Node strip(Node n) {
        return n.attributes().containsKey(ATTRIBUTE) ? attach(n, List.of()) : n;
    }

    /** {@code outer} followed by one more guard. */
    public static List<Guard> and(List<Guard> outer, Guard inner) {
        List<Guard> all = new ArrayList<>(outer);
        all.add(inner);
        return List.copyOf(all);
    }
}
