package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses an activation (Relu, Clip with constant bounds, LeakyRelu, Sigmoid, HardSigmoid, HardSwish,
 * Tanh) into the Conv, Gemm or MatMul whose output it alone reads: the producer gets the attributes
 * {@link InternalAttributes#ACTIVATION} and {@link InternalAttributes#ACTIVATION_PARAMS} and its kernel
 * applies the activation to each result before the store, saving a pass over the tensor and its
 * memory.
 */
public final class ActivationFusion implements Pass {
    private static final Set<String> PRODUCERS = Set.of("Conv", "Gemm", "MatMul");

    @Override
    public String name() {
        return "fuse-activation";
    }

    @Override
    public Graph run(Graph g) {
        Uses uses = new Uses(g);
        for (Node act : g.nodes()) {
            if (!act.domain().isEmpty() || act.inputs().isEmpty() || act.input(0).isEmpty() || act.outputs().size() != 1) {
                continue;
            }
            Node producer = uses.producer(act.input(0));
            if (producer == null || !producer.domain().isEmpty() || !PRODUCERS.contains(producer.opType())
                    || InternalAttributes.hasActivation(producer) || !uses.hasSingleUse(act.input(0))
                    || g.type(act.input(0)).dataType() != DataType.FLOAT32) {
                continue;
            }
            float[] params = params(g, act);
            if (params == null) {
                continue;
            }
            Map<String, Attribute> attrs = new HashMap<>(producer.attributes());
            attrs.put(InternalAttributes.ACTIVATION, new Attribute.StringAttr(act.opType()));
            if (params.length > 0) {
                List<Float> values = new ArrayList<>();
                for (float p : params) {
                    values.add(p);
                }
                attrs.put(InternalAttributes.ACTIVATION_PARAMS, new Attribute.FloatsAttr(values));
            }
            Node fused = new Node(producer.name(), producer.domain(), producer.opType(), producer.opsetVersion(),
                    producer.inputs(), List.of(act.output(0)), attrs);
            List<Node> nodes = Fusing.replace(g.nodes(), producer, fused, act);
            return g.toBuilder().setNodes(nodes).build();
        }
        return g;
    }

    /** The activation's parameters as the kernels take them, or null when it cannot be fused. */
    static float[] params(Graph g, Node act) {
        Map<String, Attribute> a = act.attributes();
        boolean oneInput = act.inputs().size() == 1;
        return switch (act.opType()) {
            case "Relu", "Sigmoid", "Tanh", "HardSwish" -> oneInput && a.isEmpty() ? new float[0] : null;
            case "LeakyRelu" -> oneInput && onlyKeys(a, "alpha") ? new float[] {floatAttr(a, "alpha", 0.01f)} : null;
            case "HardSigmoid" -> oneInput && onlyKeys(a, "alpha", "beta")
                    ? new float[] {floatAttr(a, "alpha", 0.2f), floatAttr(a, "beta", 0.5f)} : null;
            case "Clip" -> clipBounds(g, act);
            default -> null;
        };
    }

    private static float[] clipBounds(Graph g, Node clip) {
        Map<String, Attribute> a = clip.attributes();
        if (clip.opsetVersion() < 11) {
            if (clip.inputs().size() != 1 || !onlyKeys(a, "min", "max")) {
                return null;
            }
            return new float[] {floatAttr(a, "min", -Float.MAX_VALUE), floatAttr(a, "max", Float.MAX_VALUE)};
        }
        if (!a.isEmpty()) {
            return null;
        }
        // an absent bound clips nothing: ±infinity leaves every value (NaN included) as it is
        float[] bounds = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        for (int i = 1; i <= 2; i++) {
            if (!clip.hasInput(i)) {
                continue;
            }
            Tensor t = g.constants().get(clip.input(i));
            if (t == null || t.dataType() != DataType.FLOAT32 || t.elementCount() != 1) {
                return null;
            }
            bounds[i - 1] = (float) t.getDouble(0);
        }
        return bounds;
    }

    private static boolean onlyKeys(Map<String, Attribute> a, String... keys) {
        return List.of(keys).containsAll(a.keySet());
    }

    private static float floatAttr(Map<String, Attribute> a, String name, float dflt) {
        Attribute v = a.get(name);
        return v instanceof Attribute.FloatAttr f ? f.value() : dflt;
    }
}
