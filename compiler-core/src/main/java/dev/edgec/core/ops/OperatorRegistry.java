package dev.edgec.core.ops;

import dev.edgec.ir.Node;
import dev.edgec.ir.UnsupportedModelException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The explicit table of operators edgec compiles, keyed by domain and op type, each with the range
 * of opset versions whose semantics its implementation follows (STYLE.md 7: no chain of string ifs).
 */
public final class OperatorRegistry {
    /** One registered operator and the model opsets (of its domain) it accepts. */
    public record Entry(String domain, String opType, int minOpset, int maxOpset, Operator operator) {
        public boolean accepts(int opset) {
            return opset >= minOpset && opset <= maxOpset;
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    private static String key(String domain, String opType) {
        return (domain.equals("ai.onnx") ? "" : domain) + "::" + opType;
    }

    /** Registers {@code op} for the default ONNX domain. */
    public OperatorRegistry register(String opType, int minOpset, int maxOpset, Operator op) {
        return register("", opType, minOpset, maxOpset, op);
    }

    public OperatorRegistry register(String domain, String opType, int minOpset, int maxOpset, Operator op) {
        Entry previous = entries.put(key(domain, opType), new Entry(domain, opType, minOpset, maxOpset, op));
        if (previous != null) {
            throw new IllegalStateException(opType + " registered twice");
        }
        return this;
    }

    public Optional<Entry> find(String domain, String opType) {
        return Optional.ofNullable(entries.get(key(domain, opType)));
    }

    /** Why {@code node} at {@code opset} cannot be compiled, or empty if it can. */
    public Optional<String> whyUnsupported(Node node, int opset) {
        Optional<Entry> e = find(node.domain(), node.opType());
        if (e.isEmpty()) {
            String d = node.domain().isEmpty() ? "" : node.domain() + ".";
            return Optional.of(d + node.opType() + " '" + node.name() + "'");
        }
        if (!e.get().accepts(opset)) {
            return Optional.of(node.opType() + " '" + node.name() + "' at opset " + opset + " (edgec implements opsets "
                    + e.get().minOpset() + "-" + e.get().maxOpset() + ")");
        }
        return Optional.empty();
    }

    public Operator operatorFor(Node node, int opset) {
        whyUnsupported(node, opset).ifPresent(why -> {
            throw new UnsupportedModelException("unsupported operator: " + why);
        });
        return entries.get(key(node.domain(), node.opType())).operator();
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Every operator edgec ships. */
    public static OperatorRegistry standard() {
        OperatorRegistry r = new OperatorRegistry();
        StandardOperators.registerAll(r);
        return r;
    }
}
