package dev.edgec.core.control;

import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Subgraph;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.List;
import java.util.Optional;

/**
 * Expands {@code If}. A condition known at compile time inlines the taken branch only. A run-time
 * condition inlines both branches, each node guarded by the condition (then) or its negation (else),
 * and selects each output with {@code Where(cond, then_out, else_out)}.
 *
 * <p>Why guards and not just both branches plus Where: the untaken branch would run on data it was
 * not meant for, and a kernel there that checks its indices (Gather, GatherND…) would make
 * {@code run()} report an error although the model took the other branch; it would also cost the
 * time of both branches. With guards the module assembler wraps each guarded kernel call in a wasm
 * {@code if} on the condition byte, while the memory planner and the optimizer keep seeing an
 * ordinary flat graph. The Where reads bytes of the untaken branch's output that nothing wrote, but
 * never selects them. Both branches must give each output the same static type.
 */
final class IfExpander {
    private IfExpander() {
    }

    static void expand(Node n, ExpansionSink sink) {
        ControlFlow.expectAttributes(n, List.of("then_branch", "else_branch"));
        if (n.inputs().size() != 1 || n.input(0).isEmpty()) {
            throw new InvalidModelException(n.describe() + ": takes 1 input (cond), got " + n.inputs().size());
        }
        Subgraph thenBranch = SubgraphInliner.graph(n, "then_branch");
        Subgraph elseBranch = SubgraphInliner.graph(n, "else_branch");
        for (Subgraph g : List.of(thenBranch, elseBranch)) {
            if (!g.inputs().isEmpty()) {
                throw new InvalidModelException(n.describe() + ": branch '" + g.name() + "' must have no inputs");
            }
            if (g.outputs().size() != n.outputs().size()) {
                throw new InvalidModelException(n.describe() + ": branch '" + g.name() + "' has " + g.outputs().size()
                        + " outputs but the node has " + n.outputs().size());
            }
        }
        TensorType condType = sink.type(n.input(0), n);
        if (condType.dataType() != DataType.BOOL || condType.elementCount() != 1) {
            throw new InvalidModelException(n.describe() + ": cond must be a bool tensor of one element, got " + condType);
        }
        List<Guard> outer = Guard.of(n);
        Synthesized synth = new Synthesized(sink, n, outer);
        Optional<Tensor> known = sink.constant(n.input(0));
        if (known.isPresent()) {
            boolean taken = known.get().getLong(0) != 0;
            List<String> outs = SubgraphInliner.inline(taken ? thenBranch : elseBranch, n.name() + (taken ? "/then/" : "/else/"),
                    List.of(), outer, sink, n);
            for (int i = 0; i < outs.size(); i++) {
                if (!n.output(i).isEmpty() && !SequenceBindings.alias(sink, outs.get(i), n.output(i))) {
                    synth.identity(outs.get(i), n.output(i), "out" + i);
                }
            }
            return;
        }
        String cond = n.input(0);
        if (condType.shape().rank() > 0) {
            cond = synth.reshape(cond, Shape.scalar(), n.name() + "/cond", "cond");
        }
        List<String> thenOuts = SubgraphInliner.inline(thenBranch, n.name() + "/then/", List.of(),
                Guard.and(outer, new Guard(cond, true)), sink, n);
        List<String> elseOuts = SubgraphInliner.inline(elseBranch, n.name() + "/else/", List.of(),
                Guard.and(outer, new Guard(cond, false)), sink, n);
        for (int i = 0; i < n.outputs().size(); i++) {
            if (n.output(i).isEmpty() || SequenceBindings.select(sink, synth, n, i, cond, thenOuts.get(i), elseOuts.get(i))) {
                continue;
            }
            TensorType a = sink.type(thenOuts.get(i), n);
            TensorType b = sink.type(elseOuts.get(i), n);
            if (!a.equals(b)) {
                throw new UnsupportedModelException(n.describe() + ": output " + i + " is " + a + " in the then branch and "
                        + b + " in the else branch; with a run-time condition its shape would depend on data, and edgec "
                        + "needs static shapes (data-dependent-shape)");
            }
            synth.where(cond, thenOuts.get(i), elseOuts.get(i), n.output(i), "select" + i);
        }
    }
}
