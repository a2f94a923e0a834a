package dev.edgec.core.fold;

import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.Value;
import java.util.List;
import java.util.Optional;

/**
 * Runs a graph of constants and nodes once, with edgec's own kernels as constant folding does
 * ({@link KernelEvaluator}): for passes that tabulate an operator, so that the table holds exactly what
 * its kernel computes.
 */
public final class ConstantEvaluation {
    private ConstantEvaluation() {
    }

    /** The values of {@code g}'s outputs, or empty when its kernels cannot be lowered or report an error. */
    public static Optional<List<Tensor>> outputs(Graph g, OperatorRegistry registry) {
        KernelEvaluator evaluator = new KernelEvaluator(registry);
        try {
            return evaluator.run(evaluator.lower(new ConstantRegion(g, (n, consumers) -> true),
                    g.outputs().stream().map(Value::name).toList()));
        } catch (EdgecException e) {
            return Optional.empty();
        }
    }
}
