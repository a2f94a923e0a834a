package dev.edgec.core.control;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Subgraph;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unrolls {@code Scan} at import. The sequence length is a static dimension, so every Scan unrolls:
 * iteration t takes element t (or L-1-t in reverse) of each scan input with a constant-index Gather,
 * inlines the body, and the per-iteration scan outputs are stacked with Reshape + Concat along their
 * axis (prepended for reverse directions). Opset 8's Scan has a batch axis 0 before the sequence
 * axis: each batch element is scanned separately and the results are stacked along axis 0.
 */
final class ScanUnroller {
    private ScanUnroller() {
    }

    /** One scan's inputs: states and scan inputs as outer values, with the per-input and per-output layout. */
    private record Layout(int[] inAxes, int[] inDirections, int[] outAxes, int[] outDirections) {
    }

    static void expand(Node n, ExpansionSink sink, int opset) {
        Subgraph body = SubgraphInliner.graph(n, "body");
        boolean batched = opset < 9;
        ControlFlow.expectAttributes(n, batched ? List.of("body", "num_scan_inputs", "directions")
                : List.of("body", "num_scan_inputs", "scan_input_axes", "scan_input_directions", "scan_output_axes",
                        "scan_output_directions"));
        int m = (int) intAttr(n, "num_scan_inputs");
        List<String> ins = batched ? n.inputs().subList(Math.min(1, n.inputs().size()), n.inputs().size()) : n.inputs();
        int states = ins.size() - m;
        int scanOuts = body.outputs().size() - states;
        if (m < 1 || states < 0 || body.inputs().size() != states + m || scanOuts < 0) {
            throw new InvalidModelException(n.describe() + ": " + ins.size() + " state and scan inputs with num_scan_inputs = "
                    + m + " do not fit its body's " + body.inputs().size() + " inputs and " + body.outputs().size() + " outputs");
        }
        if (n.outputs().size() > states + scanOuts) {
            throw new InvalidModelException(n.describe() + ": has " + n.outputs().size() + " outputs but its body gives "
                    + (states + scanOuts));
        }
        List<Guard> outer = Guard.of(n);
        Synthesized synth = new Synthesized(sink, n, outer);
        if (!batched) {
            Layout layout = layout(n, sink, ins, states, m, scanOuts);
            List<String> results = scan(n, sink, synth, body, ins, states, layout, n.name() + "/", outer);
            bind(n, synth, results);
            return;
        }
        if (n.hasInput(0)) {
            checkFullLengths(n, sink, ins.get(states));
        }
        Layout layout = new Layout(new int[m], ints(n, "directions", m), new int[scanOuts], new int[scanOuts]);
        int batch = -1;
        for (int i = 0; i < ins.size(); i++) {
            TensorType t = sink.type(ins.get(i), n);
            if (t.shape().rank() < (i < states ? 1 : 2) || batch >= 0 && t.shape().dim(0) != batch) {
                throw new InvalidModelException(n.describe() + ": every input needs the same batch dimension 0 (and scan "
                        + "inputs a sequence dimension 1), got " + t);
            }
            batch = t.shape().dim(0);
        }
        if (batch == 0) {
            throw new UnsupportedModelException(n.describe() + ": the batch is empty; edgec needs the outputs' shapes");
        }
        ControlFlow.checkUnrollSize(n, (long) batch * sink.type(ins.get(states), n).shape().dim(1), body);
        List<List<String>> perBatch = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            List<String> sliced = new ArrayList<>();
            for (int i = 0; i < ins.size(); i++) {
                sliced.add(synth.take(ins.get(i), b, 0, n.name() + "/batch" + b + "/in" + i, "batch" + b + "_in" + i));
            }
            perBatch.add(scan(n, sink, synth, body, sliced, states, layout, n.name() + "/batch" + b + "/", outer));
        }
        List<String> results = new ArrayList<>();
        for (int o = 0; o < states + scanOuts; o++) {
            List<String> parts = new ArrayList<>();
            for (List<String> r : perBatch) {
                parts.add(r.get(o));
            }
            results.add(parts.isEmpty() ? null : synth.stack(parts, 0, n.name() + "/batched" + o, "batch_stack" + o));
        }
        bind(n, synth, results);
    }

    /** Unrolls one scan over {@code ins} (states then scan inputs); returns final states then stacked scan outputs. */
    private static List<String> scan(Node n, ExpansionSink sink, Synthesized synth, Subgraph body, List<String> ins, int states,
                                     Layout layout, String prefix, List<Guard> guards) {
        int m = ins.size() - states;
        long length = -1;
        for (int j = 0; j < m; j++) {
            TensorType t = sink.type(ins.get(states + j), n);
            if (layout.inAxes[j] >= t.shape().rank()) {
                throw new InvalidModelException(n.describe() + ": scan input '" + ins.get(states + j) + "' is " + t
                        + ", which has no axis " + layout.inAxes[j] + " to scan");
            }
            long l = t.shape().dim(layout.inAxes[j]);
            if (length >= 0 && l != length) {
                throw new InvalidModelException(n.describe() + ": scan inputs have sequence lengths " + length + " and " + l);
            }
            length = l;
        }
        ControlFlow.checkUnrollSize(n, length, body);
        List<String> values = new ArrayList<>(ins.subList(0, states));
        int scanOuts = body.outputs().size() - states;
        List<List<String>> parts = new ArrayList<>();
        for (int j = 0; j < scanOuts; j++) {
            parts.add(new ArrayList<>());
        }
        for (long t = 0; t < length; t++) {
            String at = prefix + "iter" + t + "/";
            List<String> bindings = new ArrayList<>(values);
            for (int j = 0; j < m; j++) {
                long index = layout.inDirections[j] == 0 ? t : length - 1 - t;
                bindings.add(synth.take(ins.get(states + j), index, layout.inAxes[j], at + "scan_in" + j,
                        prefix.substring(n.name().length() + 1) + "iter" + t + "_in" + j));
            }
            List<String> outs = SubgraphInliner.inline(body, at, bindings, guards, sink, n);
            for (int i = 0; i < states; i++) {
                TensorType before = sink.type(values.get(i), n);
                TensorType after = sink.type(outs.get(i), n);
                if (!before.equals(after)) {
                    throw new UnsupportedModelException(n.describe() + ": state " + i + " is " + before + " before iteration "
                            + t + " and " + after + " after it; edgec needs static shapes (data-dependent-shape)");
                }
                values.set(i, outs.get(i));
            }
            for (int j = 0; j < scanOuts; j++) {
                List<String> p = parts.get(j);
                String v = outs.get(states + j);
                if (layout.outDirections[j] == 0) {
                    p.add(v);
                } else {
                    p.add(0, v);
                }
            }
        }
        List<String> results = new ArrayList<>(values);
        for (int j = 0; j < scanOuts; j++) {
            if (parts.get(j).isEmpty()) {
                throw new UnsupportedModelException(n.describe() + ": the sequence is empty, so the shape of scan output " + j
                        + " is unknown; edgec needs static shapes");
            }
            LoopUnroller.checkSameType(n, sink, parts.get(j), "scan output " + j);
            int rank = sink.type(parts.get(j).get(0), n).shape().rank() + 1;
            int axis = normalize(n, "scan_output_axes", layout.outAxes[j], rank);
            results.add(synth.stack(parts.get(j), axis, prefix + "scan_out" + j, prefix.substring(n.name().length() + 1)
                    + "stack" + j));
        }
        return results;
    }

    /** Opset 9+: the axes and directions of each scan input and output. */
    private static Layout layout(Node n, ExpansionSink sink, List<String> ins, int states, int m, int scanOuts) {
        int[] inAxes = ints(n, "scan_input_axes", m);
        for (int j = 0; j < m; j++) {
            inAxes[j] = normalize(n, "scan_input_axes", inAxes[j], sink.type(ins.get(states + j), n).shape().rank());
        }
        // output axes are normalized once the element rank is known (after the first iteration)
        return new Layout(inAxes, ints(n, "scan_input_directions", m), ints(n, "scan_output_axes", scanOuts),
                ints(n, "scan_output_directions", scanOuts));
    }

    private static int normalize(Node n, String attr, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new InvalidModelException(n.describe() + ": " + attr + " value " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /** Opset 8's sequence_lens: accepted when it is a constant equal to the full length for every batch element. */
    private static void checkFullLengths(Node n, ExpansionSink sink, String firstScanInput) {
        Optional<Tensor> lens = sink.constant(n.input(0));
        int full = sink.type(firstScanInput, n).shape().dim(1);
        if (lens.isEmpty()) {
            throw new UnsupportedModelException(n.describe() + ": sequence_lens is run-time data; edgec scans whole sequences "
                    + "of static length only (data-dependent-shape)");
        }
        for (int i = 0; i < lens.get().elementCount(); i++) {
            if (lens.get().getLong(i) != full) {
                throw new UnsupportedModelException(n.describe() + ": sequence_lens holds " + lens.get().getLong(i)
                        + ", shorter than the sequence length " + full + "; edgec scans whole sequences only");
            }
        }
    }

    private static void bind(Node n, Synthesized synth, List<String> results) {
        for (int o = 0; o < n.outputs().size(); o++) {
            if (!n.output(o).isEmpty()) {
                synth.identity(results.get(o), n.output(o), "out" + o);
            }
        }
    }

    private static long intAttr(Node n, String name) {
        Attribute a = n.attributes().get(name);
        if (!(a instanceof Attribute.IntAttr i)) {
            throw new InvalidModelException(n.describe() + ": attribute '" + name + "' is required and must be INT");
        }
        return i.value();
    }

    /** An INTS attribute of {@code count} values (zeros when absent). */
    private static int[] ints(Node n, String name, int count) {
        Attribute a = n.attributes().get(name);
        if (a == null) {
            return new int[count];
        }
        if (!(a instanceof Attribute.IntsAttr list) || list.values().size() != count) {
            throw new InvalidModelException(n.describe() + ": attribute '" + name + "' must be INTS with " + count + " values");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            long v = list.values().get(i);
            if (name.endsWith("directions") && v != 0 && v != 1) {
                throw new InvalidModelException(n.describe() + ": attribute '" + name + "' values must be 0 or 1, got " + v);
            }
            out[i] = (int) v;
        }
        return out;
    }
}
