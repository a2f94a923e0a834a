package dev.edgec.harness.fuzz;

import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorShapeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TypeProto;
import dev.edgec.core.onnx.proto.OnnxProto.ValueInfoProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structural mutations of a graph: input dims and element types, ranks, attribute values (often),
 * initializers, dangling references, cycles, duplicate names, swapped or dropped nodes. A mutation
 * lands in a nested subgraph (an If or Loop body) when the graph has one, a third of the time.
 */
final class GraphMutations {
    private GraphMutations() {
    }

    static String mutateGraph(GraphProto.Builder g, Random r) {
        List<GraphProto.Builder> subgraphs = new ArrayList<>();
        for (NodeProto.Builder n : g.getNodeBuilderList()) {
            for (AttributeProto.Builder a : n.getAttributeBuilderList()) {
                if (a.hasG()) {
                    subgraphs.add(a.getGBuilder());
                }
            }
        }
        if (!subgraphs.isEmpty() && r.nextInt(3) == 0) {
            return "in subgraph: " + mutateGraph(subgraphs.get(r.nextInt(subgraphs.size())), r);
        }
        int kind = r.nextInt(16);
        switch (kind) {
            case 0, 1, 2, 3, 4 -> {
                NodeProto.Builder n = randomNode(g, r);
                return n == null ? "no node" : AttributeMutations.mutate(n, r);
            }
            case 5 -> {
                TensorShapeProto.Builder s = inputShape(g, r);
                if (s != null && s.getDimCount() > 0) {
                    s.getDimBuilder(r.nextInt(s.getDimCount())).setDimValue(Interesting.pickLong(r));
                }
                return "input dim";
            }
            case 6 -> {
                TensorShapeProto.Builder s = inputShape(g, r);
                if (s != null) {
                    if (r.nextBoolean() && s.getDimCount() > 0) {
                        s.removeDim(r.nextInt(s.getDimCount()));
                    } else {
                        s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(r.nextInt(4)));
                    }
                }
                return "input rank";
            }
            case 7 -> {
                if (g.getInputCount() > 0) {
                    ValueInfoProto.Builder v = g.getInputBuilder(r.nextInt(g.getInputCount()));
                    TypeProto.Tensor.Builder tt = v.getTypeBuilder().getTensorTypeBuilder();
                    tt.setElemType(r.nextInt(4) == 0 ? r.nextInt(40) - 5 : r.nextInt(17));
                }
                return "input dtype";
            }
            case 8 -> {
                if (g.getInitializerCount() > 0) {
                    int i = r.nextInt(g.getInitializerCount());
                    g.setInitializer(i, TensorMutations.mutate(g.getInitializerBuilder(i), r));
                }
                return "initializer";
            }
            case 9 -> {
                NodeProto.Builder n = randomNode(g, r);
                if (n != null && n.getInputCount() > 0) {
                    n.setInput(r.nextInt(n.getInputCount()), r.nextBoolean() ? "no_such_value_" + r.nextInt(10) : "");
                }
                return "dangling or empty input";
            }
            case 10 -> {
                NodeProto.Builder n = randomNode(g, r);
                if (n != null && n.getInputCount() > 0) {
                    NodeProto.Builder later = g.getNodeBuilder(r.nextInt(g.getNodeCount()));
                    if (later.getOutputCount() > 0) {
                        n.setInput(r.nextInt(n.getInputCount()), later.getOutput(0));
                    }
                }
                return "cycle or reordering";
            }
            case 11 -> {
                duplicateName(g, r);
                return "duplicate name";
            }
            case 12 -> {
                NodeProto.Builder n = randomNode(g, r);
                if (n != null) {
                    if (r.nextBoolean() && n.getInputCount() > 0) {
                        List<String> inputs = new ArrayList<>(n.getInputList());
                        inputs.remove(r.nextInt(inputs.size()));
                        n.clearInput().addAllInput(inputs);
                    } else {
                        n.addInput(n.getInputCount() > 0 ? n.getInput(0) : "x");
                    }
                }
                return "input count";
            }
            case 13 -> {
                NodeProto.Builder n = randomNode(g, r);
                if (n != null) {
                    if (r.nextBoolean()) {
                        n.addOutput("extra_out_" + r.nextInt(5));
                    } else if (n.getOutputCount() > 0) {
                        n.setOutput(0, "");
                    }
                }
                return "output count";
            }
            case 14 -> {
                if (g.getNodeCount() > 0) {
                    g.removeNode(r.nextInt(g.getNodeCount()));
                }
                return "removed node";
            }
            default -> {
                NodeProto.Builder n = randomNode(g, r);
                if (n != null) {
                    String[] ops = {"If", "Loop", "Scan", "Gather", "Reshape", "Split", "Concat", "Slice", "Expand",
                        "Tile", "Pad", "Resize", "Cast", "Identity", "Unknown", "", "Conv", "MaxPool", "Range"};
                    n.setOpType(ops[r.nextInt(ops.length)]);
                    if (r.nextInt(4) == 0) {
                        n.setDomain(r.nextBoolean() ? "com.microsoft" : "ai.onnx.ml");
                    }
                }
                return "op type";
            }
        }
    }

    private static void duplicateName(GraphProto.Builder g, Random r) {
        switch (r.nextInt(5)) {
            case 0 -> {
                if (g.getNodeCount() > 1) {
                    g.getNodeBuilder(1 + r.nextInt(g.getNodeCount() - 1)).setOutput(0, g.getNode(0).getOutput(0));
                }
            }
            case 1 -> {
                if (g.getInputCount() > 0) {
                    g.addInput(g.getInput(0));
                }
            }
            case 2 -> {
                if (g.getInitializerCount() > 0) {
                    g.addInitializer(g.getInitializer(r.nextInt(g.getInitializerCount())));
                }
            }
            case 3 -> {
                // a node writes over a graph input
                NodeProto.Builder n = randomNode(g, r);
                if (n != null && g.getInputCount() > 0 && n.getOutputCount() > 0) {
                    n.setOutput(0, g.getInput(0).getName());
                }
            }
            default -> {
                if (g.getOutputCount() > 0) {
                    g.addOutput(g.getOutput(0));
                }
            }
        }
    }

    private static TensorShapeProto.Builder inputShape(GraphProto.Builder g, Random r) {
        if (g.getInputCount() == 0) {
            return null;
        }
        return g.getInputBuilder(r.nextInt(g.getInputCount())).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
    }

    private static NodeProto.Builder randomNode(GraphProto.Builder g, Random r) {
        return g.getNodeCount() == 0 ? null : g.getNodeBuilder(r.nextInt(g.getNodeCount()));
    }
}
