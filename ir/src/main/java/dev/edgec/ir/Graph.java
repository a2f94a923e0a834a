package dev.edgec.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable typed tensor graph. Nodes are in topological order; every value (input, constant,
 * node output) has a static type. Passes build new graphs with {@link #toBuilder()}.
 */
public final class Graph {
    private final List<Value> inputs;
    private final List<Value> outputs;
    private final Map<String, Tensor> constants;
    private final List<Node> nodes;
    private final Map<String, TensorType> types;

    private Graph(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(b.constants));
        this.nodes = List.copyOf(b.nodes);
        this.types = Collections.unmodifiableMap(new LinkedHashMap<>(b.types));
    }

    public List<Value> inputs() {
        return inputs;
    }

    public List<Value> outputs() {
        return outputs;
    }

    /** Constant tensors by value name, in import order. */
    public Map<String, Tensor> constants() {
        return constants;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The type of every value of the graph, by name. */
    public Map<String, TensorType> types() {
        return types;
    }

    public TensorType type(String valueName) {
        TensorType t = types.get(valueName);
        if (t == null) {
            throw new IllegalArgumentException("no value named '" + valueName + "'");
        }
        return t;
    }

    public Optional<Tensor> constant(String valueName) {
        return Optional.ofNullable(constants.get(valueName));
    }

    public boolean isGraphInput(String valueName) {
        return inputs.stream().anyMatch(v -> v.name().equals(valueName));
    }

    public boolean isGraphOutput(String valueName) {
        return outputs.stream().anyMatch(v -> v.name().equals(valueName));
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.inputs.addAll(inputs);
        b.outputs.addAll(outputs);
        b.constants.putAll(constants);
        b.nodes.addAll(nodes);
        b.types.putAll(types);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable assembly of a graph; {@link #build()} checks it with {@link GraphVerifier}. */
    public static final class Builder {
        private final List<Value> inputs = new ArrayList<>();
        private final List<Value> outputs = new ArrayList<>();
        private final Map<String, Tensor> constants = new LinkedHashMap<>();
        private final List<Node> nodes = new ArrayList<>();
        private final Map<String, TensorType> types = new LinkedHashMap<>();

        public Builder addInput(Value v) {
            inputs.add(v);
            types.put(v.name(), v.type());
            return this;
        }

        public Builder addOutput(Value v) {
            outputs.add(v);
            return this;
        }

        public Builder setOutputs(List<Value> values) {
            outputs.clear();
            outputs.addAll(values);
            return this;
        }

        public Builder addConstant(String name, Tensor t) {
            constants.put(name, t);
            types.put(name, t.type());
            return this;
        }

        public Builder removeConstant(String name) {
            constants.remove(name);
            types.remove(name);
            return this;
        }

        /** Appends a node; its output types must be given with {@link #setType}. */
        public Builder addNode(Node n) {
            nodes.add(n);
            return this;
        }

        public Builder setNodes(List<Node> newNodes) {
            nodes.clear();
            nodes.addAll(newNodes);
            return this;
        }

        public Builder setType(String valueName, TensorType type) {
            types.put(valueName, type);
            return this;
        }

        public List<Node> nodes() {
            return Collections.unmodifiableList(nodes);
        }

        public Map<String, TensorType> types() {
            return Collections.unmodifiableMap(types);
        }

        public Map<String, Tensor> constants() {
            return Collections.unmodifiableMap(constants);
        }

        /** Drops types of values no longer produced by anything, then verifies. */
        public Graph build() {
            java.util.Set<String> live = new java.util.HashSet<>();
            inputs.forEach(v -> live.add(v.name()));
            live.addAll(constants.keySet());
            nodes.forEach(n -> live.addAll(n.outputs()));
            types.keySet().retainAll(live);
            Graph g = new Graph(this);
            GraphVerifier.verify(g);
            return g;
        }
    }
}
