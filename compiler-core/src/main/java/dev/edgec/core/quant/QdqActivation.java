package dev.edgec.core.quant;

import dev.edgec.core.ops.quant.QuantRange;
import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.pass.InternalAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Relu or Clip between a Conv/MatMul/Gemm and the QuantizeLinear after it, seen as a clamp of the
 * quantized output: quantizing is monotone, so {@code Q(Clip(v, lo, hi)) = clamp(Q(v), Q(lo), Q(hi))}
 * and {@code Q(Relu(v)) = max(Q(v), Q(0))} with {@code Q(0)} the zero point. Where the clamp is the
 * type's whole range the activation changes nothing (the post-Relu zero point at the type's minimum);
 * otherwise (symmetric activations, zero point 0; Relu6 below the range's top) the integer kernel
 * saturates to the narrower range ({@link InternalAttributes#OUTPUT_CLAMP}).
 */
final class QdqActivation {
    private QdqActivation() {
    }

    /** {@code [Q(lo), Q(hi)]} for a Relu, or a Clip with constant bounds, read by {@code q}; else empty. */
    static Optional<long[]> clampOf(Graph g, Node act, Node q) {
        if (act == null || !act.domain().isEmpty()) {
            return Optional.empty();
        }
        float lo;
        float hi;
        if (act.opType().equals("Relu")) {
            lo = 0;
            hi = Float.POSITIVE_INFINITY;
        } else if (act.opType().equals("Clip")) {
            Optional<float[]> bounds = clipBounds(g, act);
            if (bounds.isEmpty()) {
                return Optional.empty();
            }
            lo = bounds.get()[0];
            hi = bounds.get()[1];
        } else {
            return Optional.empty();
        }
        if (Float.isNaN(lo) || Float.isNaN(hi) || lo > hi) {
            return Optional.empty();
        }
        float scale = (float) g.constants().get(q.input(1)).getDouble(0);
        Tensor zp = g.constants().get(q.input(2));
        return Optional.of(new long[] {quantize(lo, scale, zp), quantize(hi, scale, zp)});
    }

    /** Clip's bounds: attributes before opset 11, optional constant scalar inputs from it on (absent: unbounded). */
    private static Optional<float[]> clipBounds(Graph g, Node clip) {
        float[] bounds = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        for (Map.Entry<String, Attribute> e : clip.attributes().entrySet()) {
            if (!(e.getValue() instanceof Attribute.FloatAttr f) || !List.of("min", "max").contains(e.getKey())) {
                return Optional.empty();
            }
            bounds[e.getKey().equals("min") ? 0 : 1] = f.value();
        }
        for (int i = 1; i <= 2 && i < clip.inputs().size(); i++) {
            if (!clip.hasInput(i)) {
                continue;
            }
            Tensor t = g.constants().get(clip.input(i));
            if (t == null || t.elementCount() != 1 || t.dataType() != DataType.FLOAT32) {
                return Optional.empty();
            }
            bounds[i - 1] = (float) t.getDouble(0);
        }
        return Optional.of(bounds);
    }

    /** QuantizeLinear of one value with scale {@code scale} and zero point {@code zp} ({@link QuantRange#quantize}). */
    static long quantize(float v, float scale, Tensor zp) {
        return QuantRange.of(zp.dataType()).quantize(v, scale, zp.getLong(0));
    }

    /** Whether the clamp is the whole range of {@code q}'s type, so dropping the activation changes nothing. */
    static boolean coversType(Graph g, Node q, long[] clamp) {
        return new QuantRange(clamp[0], clamp[1]).isWhole(g.type(q.input(2)).dataType());
    }

    /**
     * {@code g} without {@code act}, {@code q} reading the activation's input instead; with a clamp
     * narrower than the type's, {@code q} carries it for the fusion to hand to the integer operator
     * (only a fused graph keeps it: QuantizeLinear itself does not read the attribute).
     */
    static Graph withoutActivation(Graph g, Node act, Node q, long[] clamp) {
        List<String> inputs = new ArrayList<>(q.inputs());
        inputs.set(0, act.input(0));
        Map<String, Attribute> attrs = new HashMap<>(q.attributes());
        if (!coversType(g, q, clamp)) {
            attrs.put(InternalAttributes.OUTPUT_CLAMP, new Attribute.IntsAttr(List.of(clamp[0], clamp[1])));
        }
        Node rewired = new Node(q.name(), q.domain(), q.opType(), q.opsetVersion(), inputs, q.outputs(), attrs);
        return g.toBuilder().setNodes(QdqFusion.rewrite(g, q, List.of(rewired), act)).build();
    }

    /** {@code attributes} plus the output clamp {@code q} carries, if any: the fused operator's attributes. */
    static Map<String, Attribute> withClampOf(Node q, Map<String, Attribute> attributes) {
        Attribute clamp = q.attributes().get(InternalAttributes.OUTPUT_CLAMP);
        if (clamp == null) {
            return attributes;
        }
        Map<String, Attribute> all = new HashMap<>(attributes);
        all.put(InternalAttributes.OUTPUT_CLAMP, clamp);
        return all;
    }
}
