package dev.edgec.core.control;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands {@code SplitToSequence} into one node per element: a {@code Slice} of the element's chunk
 * along the axis, or, when no {@code split} is given and {@code keepdims=0}, a constant-index
 * {@code Gather} that also drops the axis. The chunk sizes must be known at compile time, so a
 * {@code split} input is a required constant.
 */
final class SequenceSplitter {
    private SequenceSplitter() {
    }

    static void split(Node n, SequenceSink sink, Synthesized synth) {
        ControlFlow.expectAttributes(n, List.of("axis", "keepdims"));
        SequenceExpander.expectInputs(n, 1, 2);
        TensorType in = SequenceExpander.tensorType(n, sink, 0);
        Attribute axisAttr = n.attributes().get("axis");
        long axisValue = axisAttr == null ? 0 : SequenceExpander.intValue(n, "axis", axisAttr);
        Attribute keepAttr = n.attributes().get("keepdims");
        long keepdims = keepAttr == null ? 1 : SequenceExpander.intValue(n, "keepdims", keepAttr);
        if (keepdims != 0 && keepdims != 1) {
            throw new InvalidModelException(n.describe() + ": keepdims must be 0 or 1, got " + keepdims);
        }
        int rank = in.shape().rank();
        if (axisValue < -rank || axisValue >= rank) {
            throw new InvalidModelException(n.describe() + ": axis " + axisValue + " is out of range for input " + in);
        }
        int axis = (int) (axisValue < 0 ? axisValue + rank : axisValue);
        int dim = in.shape().dim(axis);
        List<Integer> sizes = new ArrayList<>();
        // keepdims only matters without a split input: the spec ignores it when split is given
        boolean squeeze = !n.hasInput(1) && keepdims == 0;
        if (!n.hasInput(1)) {
            for (int i = 0; i < dim; i++) {
                sizes.add(1);
            }
        } else {
            chunkSizes(n, sink, dim, sizes);
        }
        List<String> elements = new ArrayList<>();
        String base = n.output(0).isEmpty() ? n.name() : n.output(0);
        int offset = 0;
        for (int i = 0; i < sizes.size(); i++) {
            String out = base + "/" + i;
            if (squeeze) {
                synth.take(n.input(0), i, axis, out, "element" + i);
            } else {
                slice(sink, synth, n.input(0), axis, offset, offset + sizes.get(i), out, "element" + i);
            }
            offset += sizes.get(i);
            elements.add(out);
        }
        SequenceExpander.define(n, sink, new SequenceValue(in.dataType(), elements));
    }

    /** The chunk sizes a {@code split} input gives: a scalar chunk size (the last chunk may be shorter), or each size. */
    private static void chunkSizes(Node n, SequenceSink sink, int dim, List<Integer> sizes) {
        SequenceExpander.tensorType(n, sink, 1);
        Tensor split = sink.requireConstantInput(n, 1, "split");
        if (split.dataType() != DataType.INT64 && split.dataType() != DataType.INT32) {
            throw new InvalidModelException(n.describe() + ": split must be int32 or int64, got " + split.type());
        }
        if (split.shape().rank() == 0) {
            long chunk = split.getLong(0);
            if (chunk <= 0) {
                throw new InvalidModelException(n.describe() + ": split must be positive, got " + chunk);
            }
            for (long off = 0; off < dim; off += chunk) {
                sizes.add((int) Math.min(chunk, dim - off));
            }
            return;
        }
        if (split.shape().rank() != 1) {
            throw new InvalidModelException(n.describe() + ": split must be a scalar or 1-D, got " + split.type());
        }
        long sum = 0;
        for (int i = 0; i < split.elementCount(); i++) {
            long s = split.getLong(i);
            // the spec asks for positive sizes, but its own test data (simple/test_sequence_model8) and ONNX Runtime use 0
            if (s < 0) {
                throw new InvalidModelException(n.describe() + ": split sizes must not be negative, got " + s);
            }
            sum += s;
            sizes.add((int) Math.min(s, Integer.MAX_VALUE));
        }
        if (sum != dim) {
            throw new InvalidModelException(n.describe() + ": split sizes add up to " + sum + " but the axis has " + dim);
        }
    }

    /** {@code input[offset:end]} along {@code axis}. */
    private static void slice(SequenceSink sink, Synthesized synth, String input, int axis, int offset, int end, String out,
                              String label) {
        String starts = out + "/starts";
        String ends = out + "/ends";
        String axes = out + "/axes";
        sink.addConstant(starts, Tensor.ofLongs(DataType.INT64, Shape.of(1), offset));
        sink.addConstant(ends, Tensor.ofLongs(DataType.INT64, Shape.of(1), end));
        sink.addConstant(axes, Tensor.ofLongs(DataType.INT64, Shape.of(1), axis));
        synth.node("Slice", List.of(input, starts, ends, axes), out, label, Map.of());
    }
}
