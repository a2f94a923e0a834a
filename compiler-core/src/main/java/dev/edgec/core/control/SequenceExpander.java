package dev.edgec.core.control;

import dev.edgec.core.onnx.OnnxDataTypes;
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
 * Expands the ONNX sequence operators at import. A sequence is only ever the ordered list of tensor
 * values it holds ({@link SequenceValue}); its length and every position are compile-time facts, so
 * SequenceConstruct, SequenceEmpty, SequenceInsert and SequenceErase only rearrange names,
 * SequenceLength becomes a constant, SequenceAt an Identity, SplitToSequence one Slice (or Gather)
 * per element and ConcatFromSequence a Concat (after a Reshape per element for {@code new_axis=1}).
 *
 * <p>Positions (SequenceAt, SequenceInsert, SequenceErase) must be known at compile time: a run-time
 * position would make the element read, and so its shape, depend on data. They are required-constant
 * inputs, so a graph input giving one can be frozen. A sequence that is a graph input or output is
 * refused by the importer, since module inputs and outputs are tensors.
 */
final class SequenceExpander {
    private SequenceExpander() {
    }

    static void expand(Node n, SequenceSink sink) {
        if (n.outputs().size() != 1) {
            throw new InvalidModelException(n.describe() + ": has 1 output, got " + n.outputs().size());
        }
        Synthesized synth = new Synthesized(sink, n, Guard.of(n));
        switch (n.opType()) {
            case "SequenceEmpty" -> empty(n, sink);
            case "SequenceConstruct" -> construct(n, sink);
            case "SequenceInsert" -> insert(n, sink);
            case "SequenceErase" -> erase(n, sink);
            case "SequenceAt" -> at(n, sink, synth);
            case "SequenceLength" -> length(n, sink);
            case "SplitToSequence" -> SequenceSplitter.split(n, sink, synth);
            case "ConcatFromSequence" -> concat(n, sink, synth);
            default -> throw new IllegalArgumentException(n.describe() + " is not a sequence operator");
        }
    }

    private static void empty(Node n, SequenceSink sink) {
        ControlFlow.expectAttributes(n, List.of("dtype"));
        expectInputs(n, 0, 0);
        DataType dtype = DataType.FLOAT32;
        Attribute a = n.attributes().get("dtype");
        if (a != null) {
            dtype = OnnxDataTypes.fromOnnx((int) intValue(n, "dtype", a), n.describe() + " attribute dtype");
        }
        define(n, sink, new SequenceValue(dtype, List.of()));
    }

    private static void construct(Node n, SequenceSink sink) {
        ControlFlow.expectAttributes(n, List.of());
        expectInputs(n, 1, Integer.MAX_VALUE);
        DataType dtype = null;
        for (int i = 0; i < n.inputs().size(); i++) {
            if (!n.hasInput(i)) {
                throw new InvalidModelException(n.describe() + ": input " + i + " is omitted; every element must be given");
            }
            DataType t = tensorType(n, sink, i).dataType();
            if (dtype != null && t != dtype) {
                throw new InvalidModelException(n.describe() + ": input '" + n.input(i) + "' is " + t.signatureName()
                        + " but the sequence's elements are " + dtype.signatureName());
            }
            dtype = t;
        }
        define(n, sink, new SequenceValue(dtype, n.inputs()));
    }

    private static void insert(Node n, SequenceSink sink) {
        ControlFlow.expectAttributes(n, List.of());
        expectInputs(n, 2, 3);
        SequenceValue seq = sequenceInput(n, sink, 0);
        DataType t = tensorType(n, sink, 1).dataType();
        if (t != seq.elementType()) {
            throw new InvalidModelException(n.describe() + ": inserts a " + t.signatureName() + " tensor into a sequence of "
                    + seq.elementType().signatureName());
        }
        int at = n.hasInput(2) ? position(n, sink, 2, seq.length(), seq.length()) : seq.length();
        List<String> elements = new ArrayList<>(seq.elements());
        elements.add(at, n.input(1));
        define(n, sink, new SequenceValue(seq.elementType(), elements));
    }

    private static void erase(Node n, SequenceSink sink) {
        ControlFlow.expectAttributes(n, List.of());
        expectInputs(n, 1, 2);
        SequenceValue seq = sequenceInput(n, sink, 0);
        if (seq.length() == 0) {
            throw new InvalidModelException(n.describe() + ": erases from an empty sequence");
        }
        int at = n.hasInput(1) ? position(n, sink, 1, seq.length(), seq.length() - 1) : seq.length() - 1;
        List<String> elements = new ArrayList<>(seq.elements());
        elements.remove(at);
        define(n, sink, new SequenceValue(seq.elementType(), elements));
    }

    private static void at(Node n, SequenceSink sink, Synthesized synth) {
        ControlFlow.expectAttributes(n, List.of());
        expectInputs(n, 2, 2);
        SequenceValue seq = sequenceInput(n, sink, 0);
        if (!n.hasInput(1)) {
            throw new InvalidModelException(n.describe() + ": input 'position' is required");
        }
        int at = position(n, sink, 1, seq.length(), seq.length() - 1);
        if (!n.output(0).isEmpty()) {
            synth.identity(seq.elements().get(at), n.output(0), "at");
        }
    }

    private static void length(Node n, SequenceSink sink) {
        ControlFlow.expectAttributes(n, List.of());
        expectInputs(n, 1, 1);
        SequenceValue seq = sequenceInput(n, sink, 0);
        if (!n.output(0).isEmpty()) {
            sink.addConstant(n.output(0), Tensor.ofLongs(DataType.INT64, Shape.scalar(), seq.length()));
        }
    }

    private static void concat(Node n, SequenceSink sink, Synthesized synth) {
        ControlFlow.expectAttributes(n, List.of("axis", "new_axis"));
        expectInputs(n, 1, 1);
        SequenceValue seq = sequenceInput(n, sink, 0);
        Attribute axisAttr = n.attributes().get("axis");
        if (axisAttr == null) {
            throw new InvalidModelException(n.describe() + ": attribute 'axis' is required");
        }
        long axis = intValue(n, "axis", axisAttr);
        Attribute newAxisAttr = n.attributes().get("new_axis");
        long newAxis = newAxisAttr == null ? 0 : intValue(n, "new_axis", newAxisAttr);
        if (newAxis != 0 && newAxis != 1) {
            throw new InvalidModelException(n.describe() + ": new_axis must be 0 or 1, got " + newAxis);
        }
        if (seq.length() == 0) {
            throw new InvalidModelException(n.describe() + ": concatenates an empty sequence");
        }
        if (n.output(0).isEmpty()) {
            return;
        }
        Shape first = sink.type(seq.elements().get(0), n).shape();
        int rank = first.rank() + (int) newAxis;
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new InvalidModelException(n.describe() + ": axis " + axis + " is out of range for elements of rank "
                    + first.rank() + (newAxis == 1 ? " with new_axis=1" : ""));
        }
        if (newAxis == 0) {
            synth.node("Concat", seq.elements(), n.output(0), "concat", Map.of("axis", new Attribute.IntAttr(a)));
            return;
        }
        for (String e : seq.elements()) {
            Shape s = sink.type(e, n).shape();
            if (!s.equals(first)) {
                throw new InvalidModelException(n.describe() + ": with new_axis=1 every element must have one shape, but '"
                        + e + "' is " + s + " and '" + seq.elements().get(0) + "' is " + first);
            }
        }
        synth.stack(seq.elements(), (int) a, n.output(0), "stack");
    }

    /** The sequence read by input {@code i}: an error naming the node when it is a tensor. */
    static SequenceValue sequenceInput(Node n, SequenceSink sink, int i) {
        if (!n.hasInput(i)) {
            throw new InvalidModelException(n.describe() + ": input " + i + " (a sequence) is required");
        }
        return sink.sequence(n.input(i)).orElseThrow(() -> {
            sink.type(n.input(i), n); // an undefined name is reported as such
            return new InvalidModelException(n.describe() + ": input '" + n.input(i) + "' must be a sequence, but it is a tensor");
        });
    }

    /** The tensor type of input {@code i}: an error naming the node when it is a sequence. */
    static TensorType tensorType(Node n, SequenceSink sink, int i) {
        if (sink.sequence(n.input(i)).isPresent()) {
            throw new InvalidModelException(n.describe() + ": input '" + n.input(i) + "' must be a tensor, but it is a sequence");
        }
        return sink.type(n.input(i), n);
    }

    /**
     * A position input, made non-negative: ONNX allows {@code [-length, max]}, negative positions
     * counting from the back.
     */
    private static int position(Node n, SequenceSink sink, int i, int length, int max) {
        tensorType(n, sink, i);
        Tensor t = sink.requireConstantInput(n, i, "position");
        if ((t.dataType() != DataType.INT64 && t.dataType() != DataType.INT32) || t.elementCount() != 1) {
            throw new InvalidModelException(n.describe() + ": position must be an int32 or int64 scalar, got " + t.type());
        }
        long p = t.getLong(0);
        if (p < -length || p > max) {
            throw new InvalidModelException(n.describe() + ": position " + p + " is out of range [" + -length + ", " + max
                    + "] for a sequence of length " + length);
        }
        return (int) (p < 0 ? p + length : p);
    }

    static long intValue(Node n, String name, Attribute a) {
        if (!(a instanceof Attribute.IntAttr i)) {
            throw new InvalidModelException(n.describe() + ": attribute '" + name + "' must be INT, got " + a.kind());
        }
        return i.value();
    }

    static void expectInputs(Node n, int min, int max) {
        int count = n.inputs().size();
        if (count < min || count > max) {
            String range = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw new InvalidModelException(n.describe() + ": takes " + range + " inputs, got " + count);
        }
    }

    static void define(Node n, SequenceSink sink, SequenceValue value) {
        if (!n.output(0).isEmpty()) {
            sink.defineSequence(n.output(0), value);
        }
    }
}
