package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rewrites node inputs through a value-renaming map (used when a pass makes one value stand for another). */
final class Renaming {
    private Renaming() {
    }

    static Node renameInputs(Node n, Map<String, String> renames) {
        boolean changed = false;
        List<String> inputs = new ArrayList<>(n.inputs());
        for (int i = 0; i < inputs.size(); i++) {
            String to = resolve(inputs.get(i), renames);
            if (!to.equals(inputs.get(i))) {
                inputs.set(i, to);
                changed = true;
            }
        }
        Map<String, Attribute> attributes = n.attributes();
        if (attributes.get(InternalAttributes.GUARDS) instanceof Attribute.StringsAttr guards) {
            // a guard ("+value" / "!value") reads its value like an input does
            List<String> renamed = guards.values().stream().map(g -> g.charAt(0) + resolve(g.substring(1), renames)).toList();
            if (!renamed.equals(guards.values())) {
                attributes = new java.util.LinkedHashMap<>(attributes);
                attributes.put(InternalAttributes.GUARDS, new Attribute.StringsAttr(renamed));
                changed = true;
            }
        }
        return changed ? new Node(n.name(), n.domain(), n.opType(), n.opsetVersion(), inputs, n.outputs(), attributes) : n;
    }

    static Node renameOutput(Node n, int index, String to) {
        List<String> outputs = new ArrayList<>(n.outputs());
        outputs.set(index, to);
        return new Node(n.name(), n.domain(), n.opType(), n.opsetVersion(), n.inputs(), outputs, n.attributes());
    }

    /** Follows chains (a→b→c) so that a rename of a renamed value lands on the final name. */
    static String resolve(String name, Map<String, String> renames) {
        String v = name;
        for (int guard = 0; renames.containsKey(v) && guard < 1_000_000; guard++) {
            v = renames.get(v);
        }
        return v;
    }
}
