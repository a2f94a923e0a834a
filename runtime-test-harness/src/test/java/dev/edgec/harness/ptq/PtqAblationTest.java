package dev.edgec.harness.ptq;

import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.quant.ptq.AccuracyReport;
import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.QdqQuantizer;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.harness.zoo.ZooFiles;
import dev.edgec.ir.Tensor;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check but the measurement behind docs/post-training-quantization.md: which quantization choice
 * moves top-1 agreement how much, per zoo model, on {@code edgec.ptq.samples} (default 300) seeded random
 * inputs other than the 100 calibration ones. Run with {@code -Dedgec.ptq.ablation=true}.
 */
@EnabledIfSystemProperty(named = "edgec.ptq.ablation", matches = "true")
class PtqAblationTest {
    static final int CALIBRATION = 100;

    @Test
    void variants() {
        int samples = Integer.getInteger("edgec.ptq.samples", 300);
        long evalSeed = Long.getLong("edgec.ptq.seed", 2);
        for (ZooModel zoo : Zoo.all()) {
            byte[] model = ZooFiles.read(zoo);
            List<Map<String, Tensor>> cal = OrtQuantization.randomSamples(model, 1, CALIBRATION);
            List<Map<String, Tensor>> eval = OrtQuantization.randomSamples(model, evalSeed, samples);
            Map<String, ActivationRange> minMax = OrtQuantization.calibrate(model, cal);
            Map<String, ActivationRange> p9999 = OrtQuantization.calibratePercentile(model, cal, 99.99);
            Map<String, ActivationRange> p999 = OrtQuantization.calibratePercentile(model, cal, 99.9);
            print(zoo, "ort   minmax, last requantized", OrtQuantization.compare(model, qdq(model, minMax, true, false), eval));
            print(zoo, "ort   minmax, last float", OrtQuantization.compare(model, qdq(model, minMax, false, false), eval));
            print(zoo, "ort   minmax, last requantized, bias corr.", OrtQuantization.compare(model, qdq(model, minMax, true, true), eval));
            print(zoo, "ort   minmax, last float, bias corr.", OrtQuantization.compare(model, qdq(model, minMax, false, true), eval));
            print(zoo, "ort   p99.99, last float, bias corr.", OrtQuantization.compare(model, qdq(model, p9999, false, true), eval));
            print(zoo, "ort   p99.9, last float, bias corr.", OrtQuantization.compare(model, qdq(model, p999, false, true), eval));
            for (boolean last : new boolean[] {true, false}) {
                byte[] wasm = new Compiler().compile(qdq(model, minMax, last, !last), CompileOptions.defaults()).moduleBytes();
                print(zoo, "edgec minmax, " + (last ? "last requantized" : "last float, bias corr.") + " (" + wasm.length + " B)",
                        OrtQuantization.compareModule(model, wasm, new WasmtimeRuntime(), eval));
            }
        }
    }

    /** How close the float model's top two scores are on the evaluation inputs: the flips' cause. */
    @Test
    void floatMargins() {
        int samples = Integer.getInteger("edgec.ptq.samples", 300);
        for (ZooModel zoo : Zoo.all()) {
            byte[] model = ZooFiles.read(zoo);
            List<Map<String, Tensor>> eval = OrtQuantization.randomSamples(model, 2, samples);
            double[] gaps = new double[samples];
            double[] spreads = new double[samples];
            try (var ort = new dev.edgec.harness.OrtReference(model)) {
                for (int s = 0; s < samples; s++) {
                    float[] v = ort.run(eval.get(s)).get(0).toFloats();
                    float[] sorted = v.clone();
                    java.util.Arrays.sort(sorted);
                    gaps[s] = sorted[sorted.length - 1] - sorted[sorted.length - 2];
                    spreads[s] = sorted[sorted.length - 1] - sorted[0];
                }
            }
            java.util.Arrays.sort(gaps);
            java.util.Arrays.sort(spreads);
            System.out.printf(Locale.ROOT, "margins %-22s top1-top2 gap: 1%% %.3g, 2%% %.3g, 5%% %.3g, median %.3g; median max-min %.3g%n",
                    zoo.fileName(), gaps[samples / 100], gaps[samples / 50], gaps[samples / 20], gaps[samples / 2],
                    spreads[samples / 2]);
        }
    }

    /** Which activation's int8 rounding costs the most agreement: each Q → DQ pair in turn left out (ONNX Runtime). */
    @Test
    void pairSensitivity() {
        int samples = Integer.getInteger("edgec.ptq.samples", 300);
        for (ZooModel zoo : Zoo.all()) {
            if (!List.of("ds_cnn.onnx", "resnet8.onnx", "mlp.onnx").contains(zoo.fileName())) {
                continue;
            }
            byte[] model = ZooFiles.read(zoo);
            List<Map<String, Tensor>> eval = OrtQuantization.randomSamples(model, 2, samples);
            ModelProto q = QdqQuantizer.quantize(OnnxImporter.parse(model),
                    OrtQuantization.calibrate(model, OrtQuantization.randomSamples(model, 1, CALIBRATION)));
            ModelProto weightsOnly = q;
            for (NodeProto n : q.getGraph().getNodeList()) {
                if (n.getOpType().equals("QuantizeLinear")) {
                    NodeProto same = weightsOnly.getGraph().getNodeList().stream().filter(x -> x.getName().equals(n.getName()))
                            .findFirst().orElseThrow();
                    weightsOnly = bypass(weightsOnly, same);
                }
            }
            print(zoo, "int8 weights only (no activation pair)", OrtQuantization.compare(model, weightsOnly.toByteArray(), eval));
            for (NodeProto n : q.getGraph().getNodeList()) {
                if (n.getOpType().equals("QuantizeLinear") && Boolean.getBoolean("edgec.ptq.pairs")) {
                    print(zoo, "without pair on " + n.getInput(0),
                            OrtQuantization.compare(model, bypass(q, n).toByteArray(), eval));
                }
            }
        }
    }

    /**
     * The "what bounds each model" table of docs/post-training-quantization.md: flips (inputs whose
     * top-1 class differs from the float model's) on seeds 2 to {@code edgec.ptq.lastSeed} (default 5),
     * 300 inputs each, for the default QDQ model and for its int8 weights alone (every activation pair
     * left out), in ONNX Runtime. {@code edgec.ptq.models} (comma-separated file names) picks models.
     */
    @Test
    void flipsPerSeed() {
        long lastSeed = Long.getLong("edgec.ptq.lastSeed", 5);
        List<String> only = List.of(System.getProperty("edgec.ptq.models", "").split(","));
        for (ZooModel zoo : Zoo.all()) {
            if (!only.equals(List.of("")) && !only.contains(zoo.fileName())) {
                continue;
            }
            byte[] model = ZooFiles.read(zoo);
            ModelProto q = QdqQuantizer.quantize(OnnxImporter.parse(model),
                    OrtQuantization.calibrate(model, OrtQuantization.randomSamples(model, 1, CALIBRATION)));
            ModelProto weightsOnly = q;
            for (NodeProto n : q.getGraph().getNodeList()) {
                if (n.getOpType().equals("QuantizeLinear")) {
                    weightsOnly = bypass(weightsOnly, weightsOnly.getGraph().getNodeList().stream()
                            .filter(x -> x.getName().equals(n.getName())).findFirst().orElseThrow());
                }
            }
            StringBuilder line = new StringBuilder();
            for (ModelProto m : List.of(q, weightsOnly)) {
                int total = 0;
                StringBuilder perSeed = new StringBuilder();
                for (long seed = 2; seed <= lastSeed; seed++) {
                    AccuracyReport r = OrtQuantization.compare(model, m.toByteArray(), OrtQuantization.randomSamples(model, seed, 300));
                    if (!r.isClassifier(0)) {
                        perSeed.append(String.format(Locale.ROOT, " %.5f", r.meanAbsError(0)));
                        continue;
                    }
                    int flips = (int) Math.round((1 - r.top1Agreement(0)) * 300);
                    total += flips;
                    perSeed.append(' ').append(flips);
                }
                line.append(m == q ? "default" : " | weights only").append(perSeed).append(" (total ").append(total).append(')');
            }
            System.out.printf(Locale.ROOT, "flips %-22s %s%n", zoo.fileName(), line);
        }
    }

    /** The model with QuantizeLinear {@code q} and the DequantizeLinear after it removed, its consumers reading q's input. */
    private static ModelProto bypass(ModelProto m, NodeProto q) {
        NodeProto dq = m.getGraph().getNodeList().stream().filter(n -> n.getInputCount() > 0
                && n.getInput(0).equals(q.getOutput(0))).findFirst().orElseThrow();
        var g = m.getGraph().toBuilder().clearNode();
        for (NodeProto n : m.getGraph().getNodeList()) {
            if (n == q || n == dq) {
                continue;
            }
            NodeProto.Builder b = n.toBuilder();
            for (int i = 0; i < b.getInputCount(); i++) {
                if (b.getInput(i).equals(dq.getOutput(0))) {
                    b.setInput(i, q.getInput(0));
                }
            }
            g.addNode(b);
        }
        for (int i = 0; i < g.getOutputCount(); i++) {
            if (g.getOutput(i).getName().equals(dq.getOutput(0))) {
                // a graph output keeps its name: rename the producer's output instead
                return m;
            }
        }
        return m.toBuilder().setGraph(g).build();
    }

    private static byte[] qdq(byte[] model, Map<String, ActivationRange> ranges, boolean requantizeLastLayer,
            boolean correctBias) {
        return QdqQuantizer.quantize(OnnxImporter.parse(model), ranges, requantizeLastLayer, correctBias).toByteArray();
    }

    private static void print(ZooModel zoo, String variant, AccuracyReport r) {
        System.out.printf(Locale.ROOT, "ablation %-18s %-48s %s%n", zoo.fileName(), variant, String.join("; ", r.lines()));
    }
}
