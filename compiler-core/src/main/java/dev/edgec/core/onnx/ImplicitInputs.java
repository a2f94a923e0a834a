package dev.edgec.core.onnx;

import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values a node reads through its graph attributes: names its If branches or Loop and Scan bodies
 * (and the subgraphs nested in them) use without defining. ONNX lets a subgraph read the enclosing
 * graph's values, so these are inputs of the node for ordering, like its listed inputs.
 */
final class ImplicitInputs {
    private ImplicitInputs() {
    }

    static Set<String> of(NodeProto n) {
        Set<String> free = new LinkedHashSet<>();
        for (AttributeProto a : n.getAttributeList()) {
            if (a.hasG()) {
                free.addAll(freeNames(a.getG()));
            }
            a.getGraphsList().forEach(g -> free.addAll(freeNames(g)));
        }
        return free;
    }

    private static Set<String> freeNames(GraphProto g) {
        Set<String> local = new HashSet<>();
        g.getInputList().forEach(v -> local.add(v.getName()));
        g.getInitializerList().forEach(t -> local.add(t.getName()));
        g.getNodeList().forEach(n -> local.addAll(n.getOutputList()));
        Set<String> free = new LinkedHashSet<>();
        for (NodeProto n : g.getNodeList()) {
            n.getInputList().stream().filter(i -> !i.isEmpty() && !local.contains(i)).forEach(free::add);
            of(n).stream().filter(i -> !local.contains(i)).forEach(free::add);
        }
        g.getOutputList().stream().map(v -> v.getName()).filter(o -> !local.contains(o)).forEach(free::add);
        return free;
    }
}
