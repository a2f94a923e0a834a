package dev.edgec.core.fold;

import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The importer's fallback when an operator needs an input's value at compile time (a Reshape target,
 * Resize sizes…) and that input is computed from constants by operators without an
 * {@link dev.edgec.core.ops.Operator#evaluate} hook (Cast, Floor, Sqrt, ReduceSum… in shape
 * arithmetic): the nodes computing it run once with their own kernels, as {@link ConstantSubgraphFolding}
 * does, and become constants. Only small shape-like values fold here (at most
 * {@link ConstantFolding#MAX_ELEMENTS} elements per value); larger data stays for the optimizer.
 */
public final class ImportTimeFolding {
    private final KernelEvaluator evaluator;

    public ImportTimeFolding(OperatorRegistry registry) {
        this.evaluator = new KernelEvaluator(registry);
    }

    /**
     * Replaces, in the graph being imported, the nodes that compute {@code value} from constants by the
     * constants they compute (every output of those nodes, so later readers find them too).
     *
     * @param b         the graph imported so far
     * @param constants the importer's constants by name, updated with the new ones
     * @return whether {@code value} is now a constant
     */
    public boolean foldInto(Graph.Builder b, Map<String, Tensor> constants, String value) {
        Graph.Builder partial = Graph.builder();
        b.constants().forEach(partial::addConstant);
        Set<String> defined = new HashSet<>(b.constants().keySet());
        for (Node n : b.nodes()) {
            if (n.inputs().stream().allMatch(in -> in.isEmpty() || defined.contains(in))) {
                partial.addNode(n);
                for (String out : n.outputs()) {
                    if (!out.isEmpty()) {
                        defined.add(out);
                        partial.setType(out, b.types().get(out));
                    }
                }
            }
        }
        ConstantRegion region = new ConstantRegion(partial.build(), (n, consumers) -> true);
        if (region.producer(value) == null) {
            return false;
        }
        List<Node> cone = region.cone(List.of(value));
        List<String> outputs = new ArrayList<>();
        for (Node n : cone) {
            n.outputs().stream().filter(o -> !o.isEmpty()).forEach(outputs::add);
        }
        if (outputs.stream().anyMatch(o -> b.types().get(o).elementCount() > ConstantFolding.MAX_ELEMENTS)) {
            return false;
        }
        Optional<List<Tensor>> values;
        try {
            values = evaluator.run(evaluator.lower(region, outputs));
        } catch (EdgecException e) {
            return false;
        }
        if (values.isEmpty()) {
            return false;
        }
        Set<Node> folded = new HashSet<>(cone);
        b.setNodes(b.nodes().stream().filter(n -> !folded.contains(n)).toList());
        for (int i = 0; i < outputs.size(); i++) {
            b.addConstant(outputs.get(i), values.get().get(i));
            constants.put(outputs.get(i), values.get().get(i));
        }
        return true;
    }
}
