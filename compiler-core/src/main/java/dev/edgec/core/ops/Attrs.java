package dev.edgec.core.ops;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to a node's attributes. It remembers which ones were read so that the registry can
 * reject attributes an operator does not know (STYLE.md: "rejecting unknown attributes").
 */
public final class Attrs {
    private final Node node;
    private final Map<String, Attribute> attributes;
    private final Set<String> read = new HashSet<>();

    public Attrs(Node node) {
        this.node = node;
        this.attributes = node.attributes();
    }

    public boolean has(String name) {
        read.add(name);
        return attributes.containsKey(name);
    }

    private <T extends Attribute> Optional<T> get(String name, Class<T> kind, String kindName) {
        read.add(name);
        Attribute a = attributes.get(name);
        if (a == null) {
            return Optional.empty();
        }
        if (!kind.isInstance(a)) {
            throw new InvalidModelException(node.describe() + ": attribute '" + name + "' must be " + kindName
                    + ", got " + a.kind());
        }
        return Optional.of(kind.cast(a));
    }

    public long getInt(String name, long defaultValue) {
        return get(name, Attribute.IntAttr.class, "INT").map(Attribute.IntAttr::value).orElse(defaultValue);
    }

    public long requireInt(String name) {
        return get(name, Attribute.IntAttr.class, "INT").orElseThrow(() -> missing(name)).value();
    }

    public float getFloat(String name, float defaultValue) {
        return get(name, Attribute.FloatAttr.class, "FLOAT").map(Attribute.FloatAttr::value).orElse(defaultValue);
    }

    public String getString(String name, String defaultValue) {
        return get(name, Attribute.StringAttr.class, "STRING").map(Attribute.StringAttr::value).orElse(defaultValue);
    }

    /** An INTS attribute as a long array, or {@code defaultValue} (which may be null) when absent. */
    public long[] getInts(String name, long[] defaultValue) {
        return get(name, Attribute.IntsAttr.class, "INTS")
                .map(a -> a.values().stream().mapToLong(Long::longValue).toArray())
                .orElse(defaultValue);
    }

    /** An INTS attribute narrowed to ints, for sizes, pads and axes. */
    public int[] getIntsAsInt(String name, int[] defaultValue) {
        long[] v = getInts(name, null);
        if (v == null) {
            return defaultValue;
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw new InvalidModelException(node.describe() + ": attribute '" + name + "' value " + v[i] + " is out of range");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    public float[] getFloats(String name, float[] defaultValue) {
        Optional<Attribute.FloatsAttr> a = get(name, Attribute.FloatsAttr.class, "FLOATS");
        if (a.isEmpty()) {
            return defaultValue;
        }
        List<Float> v = a.get().values();
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    public List<String> getStrings(String name, List<String> defaultValue) {
        return get(name, Attribute.StringsAttr.class, "STRINGS").map(Attribute.StringsAttr::values).orElse(defaultValue);
    }

    public Optional<Tensor> getTensor(String name) {
        return get(name, Attribute.TensorAttr.class, "TENSOR").map(Attribute.TensorAttr::value);
    }

    private InvalidModelException missing(String name) {
        return new InvalidModelException(node.describe() + ": required attribute '" + name + "' is missing");
    }

    /** Attributes present on the node that nothing read. */
    public Set<String> unread() {
        Set<String> s = new java.util.TreeSet<>(attributes.keySet());
        s.removeAll(read);
        return s;
    }
}
