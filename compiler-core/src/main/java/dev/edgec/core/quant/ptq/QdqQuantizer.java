package dev.edgec.core.quant.ptq;

import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Post-training quantization as a model-to-model transform: a float ONNX model and the calibrated
 * ranges of its activations in, a standard QDQ model out (the form ONNX Runtime's quantizer writes).
 * Every Conv, Gemm and MatMul with a constant float weight gets
 * <ul>
 *   <li>int8 symmetric per-output-channel weights (zero point 0) behind a per-axis DequantizeLinear,</li>
 *   <li>an int32 bias with scale s_input · s_weight[c] (zero point 0) where the bias adds unscaled,</li>
 *   <li>a QuantizeLinear → DequantizeLinear pair (int8, asymmetric, per tensor) on its input and its output
 *       (after the Relu, or a Clip from 0, when one alone reads the output); the last layer's output (when no quantized node
 *       lies downstream) stays float, and so does the output of a layer read only by Add nodes (a residual
 *       branch: the Add runs in float).</li>
 * </ul>
 * The model is first pre-folded ({@link #preFold}: BatchNormalization into the Conv before it, MatMul + Add
 * into a Gemm). In the default, float-edged mode, three choices then cut the rounding error without
 * changing the model's function: activation ranges are equalized across channels between two layers
 * ({@link ChannelEqualization}), a classifier head's pooled features are centred on their means
 * ({@link GemmInputCentering}), and a pair on a tensor holding an earlier pair's values (a MaxPool or
 * Flatten of it) takes that pair's parameters ({@link ValuePreservingChains}).
 * Graph inputs and outputs keep their names and float types, so the result is a drop-in replacement.
 * The output opset is max(13, model opset), the first with per-axis DequantizeLinear.
 */
public final class QdqQuantizer {
    /** The first opset with per-axis QuantizeLinear/DequantizeLinear. */
    public static final int MIN_OPSET = 13;

    /** Operators whose meaning changed between opset 7 and 13: a model using them cannot simply be relabelled. */
    private static final Set<String> CHANGED_BEFORE_13 = Set.of("Softmax", "LogSoftmax", "Hardmax", "Squeeze",
            "Unsqueeze", "ReduceSum", "Split", "Clip", "Pad", "Resize", "Upsample", "TopK", "Slice", "Dropout",
            "BatchNormalization", "Scatter", "Gather", "Flatten", "Max", "Min", "Mean", "Sum");

    private QdqQuantizer() {
    }

    /**
     * The float model the quantizer works on: BatchNormalization folded into the Conv before it
     * ({@link BatchNormPreFolding}) and MatMul + Add into a Gemm ({@link MatMulBiasPreFolding}). Both
     * write the tensor the float model wrote, so ranges calibrated on either model apply.
     */
    public static ModelProto preFold(ModelProto floatModel) {
        return MatMulBiasPreFolding.fold(BatchNormPreFolding.fold(floatModel));
    }

    /** The activation tensors whose ranges {@link #quantize} needs, in graph order. */
    public static List<String> activationsToCalibrate(ModelProto floatModel) {
        ModelProto model = preFold(floatModel);
        Map<String, TensorProto> inits = initializers(model.getGraph());
        Set<String> names = new LinkedHashSet<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            QuantizableNode q = QuantizableNode.of(n, inits);
            if (q != null) {
                names.add(q.activation());
                String relu = soleReluAfter(model.getGraph(), q.output());
                names.add(relu != null ? relu : q.output());
            }
        }
        return new ArrayList<>(names);
    }

    /** The activations to calibrate, with {@code integerOnly} those of every operator with an integer kernel too. */
    public static List<String> activationsToCalibrate(ModelProto model, boolean integerOnly) {
        return integerOnly ? new IntegerOnlyPlan(model.getGraph(), activationsToCalibrate(model)).activations()
                : activationsToCalibrate(model);
    }

    /** {@link #quantize(ModelProto, Map)} with {@code integerOnly}: every operator with an integer kernel gets QDQ pairs. */
    public static ModelProto quantize(ModelProto model, Map<String, ActivationRange> ranges, boolean integerOnly) {
        if (!integerOnly) {
            return quantize(model, ranges);
        }
        // integer-only: every tensor between the int8 edges is int8, the logits too
        ModelProto folded = preFold(model);
        return quantize(folded, ranges, new IntegerOnlyPlan(folded.getGraph(), activationsToCalibrate(folded)), true, true);
    }

    /**
     * Quantizes {@code model}. {@code ranges} must hold every tensor of {@link #activationsToCalibrate}.
     *
     * @throws UnsupportedModelException if the model's opset is below 13 and it uses an operator whose
     *     meaning changed by opset 13, or its weights are stored as external data
     */
    public static ModelProto quantize(ModelProto model, Map<String, ActivationRange> ranges) {
        return quantize(model, ranges, false, true);
    }

    /**
     * As {@link #quantize(ModelProto, Map)}; {@code requantizeLastLayer} also puts the QuantizeLinear →
     * DequantizeLinear pair on the output of the last layers (see {@link #leadingToQuantizedNodes}),
     * as ONNX Runtime's quantizer does by default; {@code correctBias} applies {@link BiasCorrection}
     * where the ranges carry channel means.
     */
    public static ModelProto quantize(ModelProto floatModel, Map<String, ActivationRange> ranges,
            boolean requantizeLastLayer, boolean correctBias) {
        return quantize(preFold(floatModel), ranges, null, requantizeLastLayer, correctBias);
    }

    private static ModelProto quantize(ModelProto folded, Map<String, ActivationRange> calibrated,
            IntegerOnlyPlan integer, boolean requantizeLastLayer, boolean correctBias) {
        // integer-only modules quantize every tensor of the chain, which equalization's ranges do not yet cover
        ChannelEqualization.Result eq = integer == null ? ChannelEqualization.apply(folded, calibrated)
                : new ChannelEqualization.Result(folded, calibrated);
        ModelProto model = eq.model();
        Map<String, ActivationRange> ranges = eq.ranges();
        GraphProto g = model.getGraph();
        int opset = defaultOpset(model);
        if (opset < MIN_OPSET) {
            for (NodeProto n : g.getNodeList()) {
                if (n.getDomain().isEmpty() && CHANGED_BEFORE_13.contains(n.getOpType())) {
                    throw new UnsupportedModelException("quantization needs opset " + MIN_OPSET + " and the model is opset "
                            + opset + ", whose " + n.getOpType() + " (node '" + n.getName()
                            + "') means something else at opset 13; convert the model to opset 13 first");
                }
            }
        }
        Map<String, TensorProto> inits = initializers(g);
        Names names = new Names(g);
        Set<String> graphInputs = new HashSet<>();
        g.getInputList().forEach(v -> graphInputs.add(v.getName()));

        GraphProto.Builder out = g.toBuilder().clearNode();
        Map<String, String> rewired = new HashMap<>();
        Map<String, QuantParams> activationParams = new HashMap<>();
        Map<String, String> weightCache = new HashMap<>();
        Map<String, float[]> weightScales = new HashMap<>();

        // Graph inputs feeding a quantized op are quantized once, up front; their consumers read the dequantized copy.
        List<String> activations = integer == null ? activationsToCalibrate(model) : integer.activations();
        for (String a : activations) {
            if (graphInputs.contains(a) && !inits.containsKey(a)) {
                QuantParams p = integer == null ? params(a, ranges) : integer.params(a, ranges, activationParams);
                activationParams.put(a, p);
                String dq = names.fresh(a + "_dequantized");
                addQdq(out, names, a, a, dq, p);
                rewired.put(a, dq);
            }
        }
        // the float-edged mode centres pooled features before a Gemm; integer-only has no float Sub to do it in
        Map<String, GemmInputCentering.Centred> centred = integer == null ? GemmInputCentering.plan(g, inits, ranges)
                : Map.of();
        Map<String, String> sameValues = integer == null ? ValuePreservingChains.sources(g) : Map.of();
        Set<String> toQuantize = new HashSet<>(activations);
        if (!requantizeLastLayer) {
            toQuantize.retainAll(leadingToQuantizedNodes(g, inits));
        }
        if (integer == null) {
            toQuantize.removeAll(readOnlyByAdd(g, inits));
        }
        for (NodeProto n : g.getNodeList()) {
            QuantizableNode q = QuantizableNode.of(n, inits);
            NodeProto.Builder nb = n.toBuilder();
            for (int i = 0; i < nb.getInputCount(); i++) {
                String r = rewired.get(nb.getInput(i));
                if (r != null) {
                    nb.setInput(i, r);
                }
            }
            if (q != null) {
                GemmInputCentering.Centred c = centred.get(q.activation());
                quantizeWeights(out, names, q, nb, inits, weightCache, weightScales,
                        activationParams.computeIfAbsent(q.activation(), a -> params(a, ranges)),
                        correctBias && c == null ? range(q.activation(), ranges).channelMeans() : null,
                        c == null ? null : c.means());
            }
            // A calibrated output is written to a float temporary; Q → DQ gives the original name back to every consumer.
            List<String[]> qdq = new ArrayList<>();
            for (int i = 0; i < nb.getOutputCount(); i++) {
                String y = nb.getOutput(i);
                if (toQuantize.contains(y)) {
                    String yFloat = names.fresh(y + "_float");
                    nb.setOutput(i, yFloat);
                    qdq.add(new String[] {yFloat, y});
                }
            }
            out.addNode(nb);
            for (String[] pair : qdq) {
                String y = pair[1];
                GemmInputCentering.Centred c = centred.get(y);
                String x = pair[0];
                if (c != null) {
                    x = addCentring(out, names, y, x, c.means());
                    activationParams.put(y, c.params());
                }
                // the same values as an upstream pair's (a MaxPool, a Flatten of it): its parameters make this pair exact
                String source = sameValues.get(y);
                if (source != null && activationParams.containsKey(source)) {
                    activationParams.putIfAbsent(y, activationParams.get(source));
                }
                QuantParams p = activationParams.computeIfAbsent(y, a -> integer == null ? params(a, ranges)
                        : integer.params(a, ranges, activationParams));
                addQdq(out, names, y, x, y, p);
            }
        }
        dropUnusedInitializers(out, graphInputs);
        ModelProto.Builder m = model.toBuilder().setGraph(out);
        if (opset < MIN_OPSET) {
            for (int i = 0; i < m.getOpsetImportCount(); i++) {
                OperatorSetIdProto o = m.getOpsetImport(i);
                if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                    m.setOpsetImport(i, o.toBuilder().setVersion(MIN_OPSET));
                }
            }
            m.setIrVersion(Math.max(m.getIrVersion(), 7));
        }
        return m.build();
    }

    private static void quantizeWeights(GraphProto.Builder out, Names names, QuantizableNode q, NodeProto.Builder nb,
            Map<String, TensorProto> inits, Map<String, String> weightCache, Map<String, float[]> weightScales,
            QuantParams in, double[] inputMeans, float[] centredMeans) {
        String key = q.weight() + "@" + q.weightAxis();
        String wdq = weightCache.get(key);
        Tensor wFloat = decode(inits.get(q.weight()));
        ChannelQuantizer.PerChannel w = ChannelQuantizer.weights(wFloat, q.weightAxis());
        if (wdq == null) {
            wdq = addConstantDq(out, names, q.weight(), w, DataType.INT8);
            weightCache.put(key, wdq);
            weightScales.put(key, w.scales());
        }
        nb.setInput(1, wdq);
        if (q.quantizeBias()) {
            Tensor bias = centredMeans != null
                    ? GemmInputCentering.foldedBias(q, decode(inits.get(q.bias())), wFloat, centredMeans)
                    : BiasCorrection.corrected(q, decode(inits.get(q.bias())), wFloat, w, inputMeans);
            ChannelQuantizer.PerChannel b = ChannelQuantizer.bias(bias, in.scale(), weightScales.get(key));
            nb.setInput(2, addConstantDq(out, names, q.bias() + "_" + q.output(), b, DataType.INT32));
        }
    }

    /** The model's default-domain opset (1 when none is declared, as ONNX says). */
    public static int defaultOpset(ModelProto model) {
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                return (int) o.getVersion();
            }
        }
        return 1;
    }

    private static QuantParams params(String tensor, Map<String, ActivationRange> ranges) {
        return range(tensor, ranges).int8();
    }

    private static ActivationRange range(String tensor, Map<String, ActivationRange> ranges) {
        ActivationRange r = ranges.get(tensor);
        if (r == null) {
            throw new IllegalArgumentException("no calibrated range for tensor '" + tensor + "'");
        }
        return r;
    }

    /**
     * The tensors from which some quantized node's input activation is reachable. A quantized node
     * whose output is not among them (the last layer: a classifier's logits, a reconstruction) gets no
     * QuantizeLinear → DequantizeLinear pair on its output: nothing downstream runs on integers, so the
     * pair would only round the result to 256 levels (flipping the top-1 class of close logits). Its
     * int32 accumulator is dequantized straight to float instead (the fuse-qdq pass lowers
     * DQ → Gemm/MatMul → float to an integer kernel with a float epilogue), as ONNX Runtime users get by
     * excluding the output node from quantization.
     */
    private static Set<String> leadingToQuantizedNodes(GraphProto g, Map<String, TensorProto> inits) {
        Set<String> reach = new HashSet<>();
        List<NodeProto> nodes = g.getNodeList();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeProto n = nodes.get(i);
            QuantizableNode q = QuantizableNode.of(n, inits);
            if (q != null) {
                reach.add(q.activation());
            }
            if (n.getOutputList().stream().anyMatch(reach::contains)) {
                reach.addAll(n.getInputList());
            }
        }
        return reach;
    }

    /**
     * The outputs of quantized layers (with no Relu after them) read by Add nodes alone: a residual
     * branch's last Conv, a shortcut Conv. The Add runs in float in the float-edged mode, so a pair on
     * its input would only round the branch to 256 levels once more before the sum is quantized after
     * its Relu; without it the integer kernel dequantizes its int32 accumulator straight to float.
     */
    private static Set<String> readOnlyByAdd(GraphProto g, Map<String, TensorProto> inits) {
        // per tensor: whether something reads it, and whether every reader is an Add (one pass over the graph)
        Map<String, Boolean> onlyAdds = new HashMap<>();
        for (NodeProto r : g.getNodeList()) {
            boolean add = r.getDomain().isEmpty() && r.getOpType().equals("Add");
            r.getInputList().forEach(i -> onlyAdds.merge(i, add, Boolean::logicalAnd));
        }
        g.getOutputList().forEach(v -> onlyAdds.put(v.getName(), false));
        Set<String> out = new HashSet<>();
        for (NodeProto n : g.getNodeList()) {
            QuantizableNode q = QuantizableNode.of(n, inits);
            // read by Adds alone, it has no Relu after it either
            if (q != null && onlyAdds.getOrDefault(q.output(), false)) {
                out.add(q.output());
            }
        }
        return out;
    }

    /**
     * The output of the Relu that alone reads {@code tensor} (which is no graph output), else null. The
     * Q/DQ pair then goes after the Relu, as ONNX Runtime's quantizer places it: the range starts at 0,
     * so each int8 step is half as large, and Conv → Relu → QuantizeLinear fuses into one integer kernel.
     */
    static String soleReluAfter(GraphProto g, String tensor) {
        if (g.getOutputList().stream().anyMatch(v -> v.getName().equals(tensor))) {
            return null;
        }
        NodeProto reader = null;
        for (NodeProto n : g.getNodeList()) {
            if (n.getInputList().contains(tensor)) {
                if (reader != null) {
                    return null;
                }
                reader = n;
            }
        }
        return reader != null && reader.getDomain().isEmpty() && (reader.getOpType().equals("Relu")
                || isClipFromZero(g, reader)) ? reader.getOutput(0) : null;
    }

    /**
     * A Clip whose lower bound is the constant 0 (Relu6 and its kind): like Relu, the pair after it has
     * a range starting at 0, and the fusion pass drops the Clip when QuantizeLinear saturates at its bounds.
     */
    private static boolean isClipFromZero(GraphProto g, NodeProto n) {
        if (!n.getOpType().equals("Clip") || n.getInputCount() < 2 || n.getInput(1).isEmpty()) {
            return false;
        }
        for (TensorProto t : g.getInitializerList()) {
            if (t.getName().equals(n.getInput(1))) {
                Tensor min = decode(t);
                return min.elementCount() == 1 && min.getDouble(0) == 0;
            }
        }
        return false;
    }

    /** Adds x − means as a Sub node; returns its output. */
    private static String addCentring(GraphProto.Builder g, Names names, String label, String x, float[] means) {
        String m = names.fresh(label + "_means");
        String y = names.fresh(label + "_centred");
        g.addInitializer(OnnxBuilder.tensorProto(m, Tensor.ofFloats(Shape.of(means.length), means)));
        g.addNode(NodeProto.newBuilder().setOpType("Sub").setName(names.fresh("Sub_" + label)).addInput(x).addInput(m)
                .addOutput(y));
        return y;
    }

    /** Adds x → QuantizeLinear → DequantizeLinear → y; the new names are made from {@code label}, the tensor's original name. */
    private static void addQdq(GraphProto.Builder g, Names names, String label, String x, String y, QuantParams p) {
        String scale = names.fresh(label + "_scale");
        String zp = names.fresh(label + "_zero_point");
        String q = names.fresh(label + "_quantized");
        g.addInitializer(OnnxBuilder.tensorProto(scale, Tensor.ofFloats(Shape.scalar(), p.scale())));
        g.addInitializer(OnnxBuilder.tensorProto(zp, Tensor.ofLongs(DataType.INT8, Shape.scalar(), p.zeroPoint())));
        g.addNode(NodeProto.newBuilder().setOpType("QuantizeLinear").setName(names.fresh("QuantizeLinear_" + label))
                .addInput(x).addInput(scale).addInput(zp).addOutput(q));
        g.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(names.fresh("DequantizeLinear_" + label))
                .addInput(q).addInput(scale).addInput(zp).addOutput(y));
    }

    /** Adds the quantized constant, its per-axis scales and zero zero points, and its DequantizeLinear; returns the float output. */
    private static String addConstantDq(GraphProto.Builder g, Names names, String base, ChannelQuantizer.PerChannel c,
            DataType type) {
        String q = names.fresh(base + "_quantized");
        String scale = names.fresh(base + "_scale");
        String zp = names.fresh(base + "_zero_point");
        String dq = names.fresh(base + "_dequantized");
        int channels = c.scales().length;
        g.addInitializer(OnnxBuilder.tensorProto(q, c.values()));
        g.addInitializer(OnnxBuilder.tensorProto(scale, Tensor.ofFloats(Shape.of(channels), c.scales())));
        g.addInitializer(OnnxBuilder.tensorProto(zp, Tensor.ofLongs(type, Shape.of(channels), new long[channels])));
        g.addNode(NodeProto.newBuilder().setOpType("DequantizeLinear").setName(names.fresh("DequantizeLinear_" + base))
                .addInput(q).addInput(scale).addInput(zp).addOutput(dq)
                .addAttribute(OnnxBuilder.attribute("axis", (long) c.axis())));
        return dq;
    }

    private static void dropUnusedInitializers(GraphProto.Builder g, Set<String> graphInputs) {
        Set<String> used = new HashSet<>(graphInputs);
        g.getNodeList().forEach(n -> used.addAll(n.getInputList()));
        g.getOutputList().forEach(v -> used.add(v.getName()));
        List<TensorProto> keep = g.getInitializerList().stream().filter(t -> used.contains(t.getName())).toList();
        g.clearInitializer().addAllInitializer(keep);
    }

    private static Tensor decode(TensorProto t) {
        return new TensorDecoder(new ExternalDataResolver(null), Long.MAX_VALUE).decode(t, "initializer '" + t.getName() + "'");
    }

    private static Map<String, TensorProto> initializers(GraphProto g) {
        Map<String, TensorProto> m = new LinkedHashMap<>();
        g.getInitializerList().forEach(t -> m.put(t.getName(), t));
        return m;
    }

    /** Hands out tensor and node names that no other value or node in the graph uses. */
    private static final class Names {
        private final Set<String> taken = new HashSet<>();

        Names(GraphProto g) {
            g.getInputList().forEach(v -> taken.add(v.getName()));
            g.getOutputList().forEach(v -> taken.add(v.getName()));
            g.getValueInfoList().forEach(v -> taken.add(v.getName()));
            g.getInitializerList().forEach(t -> taken.add(t.getName()));
            for (NodeProto n : g.getNodeList()) {
                taken.addAll(n.getInputList());
                taken.addAll(n.getOutputList());
                taken.add(n.getName());
            }
        }

        String fresh(String base) {
            String name = base;
            for (int i = 1; !taken.add(name); i++) {
                name = base + "_" + i;
            }
            return name;
        }
    }
}
