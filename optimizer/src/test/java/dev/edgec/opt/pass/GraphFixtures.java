package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Node;
import dev.edgec.ir.TensorType;
import java.util.List;
import java.util.Map;

/** Small helpers for building IR graphs by hand in pass tests. */
final class GraphFixtures {
    static final TensorType F4 = TensorType.of(DataType.FLOAT32, 4);

    private GraphFixtures() {
    }

    static Node node(String name, String op, List<String> inputs, List<String> outputs) {
        return new Node(name, "", op, 13, inputs, outputs, Map.of());
    }

    static Node node(String name, String op, List<String> inputs, List<String> outputs, Map<String, Attribute> attrs) {
        return new Node(name, "", op, 13, inputs, outputs, attrs);
    }
}
