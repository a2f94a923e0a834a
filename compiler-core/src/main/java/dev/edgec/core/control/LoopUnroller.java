package dev.edgec.core.control;

import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Subgraph;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Unrolls {@code Loop} at import: the body is inlined once per iteration, the iteration number a
 * constant, so shapes stay static and every iteration's nodes are plain nodes of the graph. The trip
 * count M must be known at compile time (a graph input is frozen, like Reshape's shape).
 *
 * <p>The condition is followed iteration by iteration. While it is a compile-time constant (no
 * {@code cond}, a constant one, a body returning {@code cond_in} or a constant) the iterations are
 * plain; a false constant ends the loop early. Once it is run-time data, the remaining iterations
 * are guarded by the running condition ({@code c = And(c, cond_out)}) and each loop-carried value is
 * {@code Where(c, body_out, previous)}, which keeps shapes static. Scan outputs would then have a
 * data-dependent length, so a loop with scan outputs needs its condition at compile time: a run-time
 * initial {@code cond} must be frozen, and a body condition computed from data is an error.
 */
final class LoopUnroller {
    private LoopUnroller() {
    }

    static void expand(Node n, ExpansionSink sink) {
        ControlFlow.expectAttributes(n, List.of("body"));
        Subgraph body = SubgraphInliner.graph(n, "body");
        int carried = n.inputs().size() - 2;
        if (carried < 0) {
            throw new InvalidModelException(n.describe() + ": takes at least 2 inputs (M, cond), got " + n.inputs().size());
        }
        int scans = body.outputs().size() - 1 - carried;
        if (body.inputs().size() != carried + 2 || scans < 0) {
            throw new InvalidModelException(n.describe() + ": body '" + body.name() + "' has " + body.inputs().size()
                    + " inputs and " + body.outputs().size() + " outputs for " + carried + " loop-carried values");
        }
        if (n.outputs().size() > carried + scans) {
            throw new InvalidModelException(n.describe() + ": has " + n.outputs().size() + " outputs but its body gives "
                    + (carried + scans));
        }
        long trips = tripCount(n, sink);
        ControlFlow.checkUnrollSize(n, trips, body);
        List<Guard> outer = Guard.of(n);
        Synthesized synth = new Synthesized(sink, n, outer);
        String prefix = n.name() + "/";

        // the running condition: TRUE/FALSE while known, else the name of a run-time bool scalar
        Optional<Boolean> known = Optional.of(true);
        String running = null;
        if (n.hasInput(1)) {
            TensorType ct = sink.type(n.input(1), n);
            if (ct.dataType() != DataType.BOOL || ct.elementCount() != 1) {
                throw new InvalidModelException(n.describe() + ": cond must be a bool tensor of one element, got " + ct);
            }
            Optional<Tensor> c = sink.constant(n.input(1));
            if (c.isPresent()) {
                known = Optional.of(c.get().getLong(0) != 0);
            } else if (scans > 0) {
                throw new ConstantInputRequiredException(n.describe() + ": input '" + n.input(1) + "' (cond) must be a "
                        + "constant known at compile time, since the loop's scan outputs would otherwise have a "
                        + "data-dependent length; if it is a graph input, freeze it with --freeze-input " + n.input(1)
                        + "=FILE", n.input(1));
            } else {
                known = Optional.empty();
                running = ct.shape().rank() == 0 ? n.input(1) : synth.reshape(n.input(1), Shape.scalar(), prefix + "cond", "cond");
            }
        }
        List<String> values = new ArrayList<>(n.inputs().subList(2, n.inputs().size()));
        List<List<String>> scanParts = new ArrayList<>();
        for (int j = 0; j < scans; j++) {
            scanParts.add(new ArrayList<>());
        }
        for (long k = 0; k < trips && !known.equals(Optional.of(false)); k++) {
            String at = prefix + "iter" + k + "/";
            String iteration = at + "iteration_num";
            sink.addConstant(iteration, Tensor.ofLongs(DataType.INT64, Shape.scalar(), k));
            String condIn = running;
            if (known.isPresent()) {
                condIn = at + "cond_in";
                sink.addConstant(condIn, Tensor.ofLongs(DataType.BOOL, Shape.scalar(), 1));
            }
            List<String> bindings = new ArrayList<>(List.of(iteration, condIn));
            bindings.addAll(values);
            List<Guard> guards = running == null ? outer : Guard.and(outer, new Guard(running, true));
            List<String> outs = SubgraphInliner.inline(body, at, bindings, guards, sink, n);
            for (int i = 0; i < carried; i++) {
                String next = outs.get(1 + i);
                Optional<String> sequence = SequenceBindings.carried(sink, n, i, values.get(i), next, running);
                if (sequence.isPresent()) {
                    values.set(i, sequence.get());
                    continue;
                }
                TensorType before = sink.type(values.get(i), n);
                TensorType after = sink.type(next, n);
                if (!before.equals(after)) {
                    throw new UnsupportedModelException(n.describe() + ": loop-carried value " + i + " is " + before
                            + " before iteration " + k + " and " + after + " after it; edgec needs static shapes "
                            + "(data-dependent-shape)");
                }
                values.set(i, running == null ? next : synth.where(running, next, values.get(i), at + "carried" + i, "iter" + k + "_select" + i));
            }
            for (int j = 0; j < scans; j++) {
                scanParts.get(j).add(outs.get(1 + carried + j));
            }
            String condOut = outs.get(0);
            Optional<Tensor> c = sink.constant(condOut);
            if (c.isPresent() && c.get().getLong(0) == 0) {
                known = Optional.of(false);
            } else if (c.isEmpty()) {
                if (scans > 0) {
                    throw new UnsupportedModelException(n.describe() + ": the body's condition '" + body.outputs().get(0)
                            + "' depends on run-time data, so the number of iterations and the length of the scan outputs "
                            + "are not known at compile time (data-dependent-shape)");
                }
                TensorType ct = sink.type(condOut, n);
                if (ct.dataType() != DataType.BOOL || ct.elementCount() != 1) {
                    throw new InvalidModelException(n.describe() + ": the body's condition must be a bool tensor of one element, got " + ct);
                }
                if (ct.shape().rank() > 0) {
                    condOut = synth.reshape(condOut, Shape.scalar(), at + "cond_scalar", "iter" + k + "_cond");
                }
                running = running == null ? condOut : synth.and(running, condOut, at + "running", "iter" + k + "_running");
                known = Optional.empty();
            }
        }
        for (int i = 0; i < carried && i < n.outputs().size(); i++) {
            if (!n.output(i).isEmpty() && !SequenceBindings.alias(sink, values.get(i), n.output(i))) {
                synth.identity(values.get(i), n.output(i), "out" + i);
            }
        }
        for (int j = 0; j < scans && carried + j < n.outputs().size(); j++) {
            String out = n.output(carried + j);
            if (out.isEmpty()) {
                continue;
            }
            if (scanParts.get(j).isEmpty()) {
                throw new UnsupportedModelException(n.describe() + ": runs no iteration, so the shape of scan output '" + out
                        + "' is unknown; edgec needs static shapes");
            }
            checkSameType(n, sink, scanParts.get(j), out);
            synth.stack(scanParts.get(j), 0, out, "stack" + j);
        }
    }

    /** M: a constant, or absent (the condition alone would end the loop: not known at compile time). */
    private static long tripCount(Node n, ExpansionSink sink) {
        if (!n.hasInput(0)) {
            throw new UnsupportedModelException(n.describe() + ": has no trip count M; edgec unrolls loops and needs the "
                    + "number of iterations bounded at compile time (data-dependent-shape)");
        }
        TensorType mt = sink.type(n.input(0), n);
        if (mt.dataType() != DataType.INT64 || mt.elementCount() != 1) {
            throw new InvalidModelException(n.describe() + ": M must be an int64 tensor of one element, got " + mt);
        }
        Tensor m = sink.constant(n.input(0)).orElseThrow(() -> new ConstantInputRequiredException(n.describe()
                + ": input '" + n.input(0) + "' (M, the trip count) must be a constant known at compile time, since edgec "
                + "unrolls loops; if it is a graph input, freeze it with --freeze-input " + n.input(0) + "=FILE", n.input(0)));
        return Math.max(0, m.getLong(0));
    }

    /** Every iteration must give a scan output the same type, or stacking them has no static shape. */
    static void checkSameType(Node n, ExpansionSink sink, List<String> parts, String out) {
        TensorType first = sink.type(parts.get(0), n);
        for (int k = 1; k < parts.size(); k++) {
            TensorType t = sink.type(parts.get(k), n);
            if (!t.equals(first)) {
                throw new UnsupportedModelException(n.describe() + ": scan output '" + out + "' is " + first
                        + " in the first iteration and " + t + " in iteration " + k + " (data-dependent-shape)");
            }
        }
    }
}
