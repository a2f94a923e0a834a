package dev.edgec.ir;

import java.util.List;

/** A node attribute value. Each ONNX attribute kind edgec reads is one record. */
public sealed interface Attribute {
    /** The ONNX kind name, used in error messages ("expected INTS, got FLOAT"). */
    String kind();

    record FloatAttr(float value) implements Attribute {
        public String kind() { return "FLOAT"; }
    }

    record IntAttr(long value) implements Attribute {
        public String kind() { return "INT"; }
    }

    record StringAttr(String value) implements Attribute {
        public String kind() { return "STRING"; }
    }

    record TensorAttr(Tensor value) implements Attribute {
        public String kind() { return "TENSOR"; }
    }

    record FloatsAttr(List<Float> values) implements Attribute {
        public FloatsAttr { values = List.copyOf(values); }
        public String kind() { return "FLOATS"; }
    }

    record IntsAttr(List<Long> values) implements Attribute {
        public IntsAttr { values = List.copyOf(values); }
        public String kind() { return "INTS"; }
    }

    record StringsAttr(List<String> values) implements Attribute {
        public StringsAttr { values = List.copyOf(values); }
        public String kind() { return "STRINGS"; }
    }

    /** A subgraph: an If branch, a Loop or Scan body. */
    record GraphAttr(Subgraph graph) implements Attribute {
        public String kind() { return "GRAPH"; }
    }

    /** A kind edgec does not interpret (graphs, sparse tensors, type protos); kept so ops can reject it by name. */
    record OpaqueAttr(String kindName) implements Attribute {
        public String kind() { return kindName; }
    }
}
