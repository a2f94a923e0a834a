package dev.edgec.core.fold;

import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.Value;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds every node whose inputs are all constant, for every operator: the maximal constant subgraph
 * is lowered with the operators' own kernels and run once at compile time ({@link KernelEvaluator}),
 * and the values it hands to the rest of the graph become constants, bit for bit what the kernels
 * would compute at every run. Import folds only small shape arithmetic (through
 * {@link dev.edgec.core.ops.Operator#evaluate}); this pass covers the rest: weights transposed, cast
 * or reshaped in the graph, constant Conv/Gather/Tile/ReduceSum chains…
 *
 * <p>What stays a kernel:
 * <ul>
 *   <li>values whose folding would make the module larger ({@link SizeRule});</li>
 *   <li>values whose kernels return an error status on these constants (a Gather index out of range):
 *       the module keeps reporting that error at run time, exactly as at -O0, rather than the compile
 *       failing on a model that -O0 accepts;</li>
 *   <li>a DequantizeLinear read by a Conv, MatMul, Gemm, Mul or Concat: QDQ fusion must see it to build an
 *       integer kernel on the 8-bit constant (folding would also make it four times larger);</li>
 *   <li>subgraphs beyond the compile's interpreter budget ({@link KernelEvaluator#MAX_INSTRUCTIONS}), so
 *       that folding costs seconds at most, or needing more than {@link KernelEvaluator#MAX_MEMORY_BYTES}
 *       of memory, or that cannot be lowered on their own (wasm memory limits).</li>
 * </ul>
 * A kernel that traps on constant data breaks ABI v1 and is reported as an internal error.
 */
public final class ConstantSubgraphFolding implements Pass {
    /**
     * Consumers through which {@code fuse-qdq} ({@code QdqFusion}, {@code QdqGemm}) and {@code fuse-qdq-integer}
     * ({@code IntegerFusion}: a constant 8-bit operand of Mul or Concat) read DequantizeLinear outputs.
     */
    private static final Set<String> QDQ_FUSED = Set.of("Conv", "MatMul", "Gemm", "Mul", "Concat");
    /** Attempts at choosing values after some failed to evaluate: each attempt drops the failures. */
    private static final int MAX_ATTEMPTS = 4;

    private final KernelEvaluator evaluator;
    /** Growth still allowed in this compile: the pass instance lives for one compile (see OptimizationPipeline). */
    private long allowanceLeft = SizeRule.ALLOWANCE_BYTES;

    public ConstantSubgraphFolding(OperatorRegistry registry) {
        this.evaluator = new KernelEvaluator(registry);
    }

    @Override
    public String name() {
        return "fold-constants";
    }

    @Override
    public Graph run(Graph g) {
        ConstantRegion region = new ConstantRegion(g, ConstantSubgraphFolding::foldable);
        if (region.frontier().isEmpty()) {
            return g;
        }
        List<String> candidates = new ArrayList<>();
        Set<String> readAtRunTime = new HashSet<>();
        KernelEvaluator.Lowered whole = lowerable(region, region.frontier(), candidates, readAtRunTime);
        SizeRule rule = new SizeRule(region, readAtRunTime);
        Map<String, Tensor> computed = new HashMap<>();
        for (int attempt = 0; attempt < MAX_ATTEMPTS && !candidates.isEmpty(); attempt++) {
            SizeRule.Choice choice = rule.choose(candidates, allowanceLeft);
            if (choice.values().isEmpty()) {
                return g;
            }
            List<String> missing = choice.values().stream().filter(v -> !computed.containsKey(v)).toList();
            computed.putAll(compute(region, missing, whole));
            List<String> failed = missing.stream().filter(v -> !computed.containsKey(v)).toList();
            if (failed.isEmpty()) {
                allowanceLeft -= Math.max(0, choice.growth());
                return replace(region, choice.values(), computed);
            }
            candidates.removeAll(failed);
        }
        return g;
    }

    private static boolean foldable(Node n, Map<String, List<Node>> consumers) {
        if (n.domain().isEmpty() && n.opType().equals("DequantizeLinear")) {
            for (String out : n.outputs()) {
                if (consumers.getOrDefault(out, List.of()).stream()
                        .anyMatch(c -> c.domain().isEmpty() && QDQ_FUSED.contains(c.opType()))) {
                    return false;
                }
            }
        }
        return n.outputs().stream().anyMatch(o -> !o.isEmpty());
    }

    /**
     * Splits {@code values} into those whose kernels lower (added to {@code ok}, with the constants they
     * read from memory) and the others (too large for wasm memory…), which stay as they are.
     *
     * @return the module computing all of {@code values} when they lower together, else null
     */
    private KernelEvaluator.Lowered lowerable(ConstantRegion region, List<String> values, List<String> ok,
                                              Set<String> readAtRunTime) {
        try {
            KernelEvaluator.Lowered l = evaluator.lower(region, values);
            ok.addAll(values);
            readAtRunTime.addAll(l.constantsReadAtRunTime());
            return l;
        } catch (EdgecException e) {
            if (values.size() > 1) {
                for (String v : values) {
                    lowerable(region, List.of(v), ok, readAtRunTime);
                }
            }
            return null;
        }
    }

    /**
     * The values computed by their kernels; a value whose subgraph cannot run to success is left out.
     * {@code lowered}, when it computes exactly {@code values}, saves lowering them again.
     */
    private Map<String, Tensor> compute(ConstantRegion region, List<String> values, KernelEvaluator.Lowered lowered) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        Optional<List<Tensor>> all;
        try {
            all = evaluator.run(lowered != null && lowered.outputs().equals(values) ? lowered : evaluator.lower(region, values));
        } catch (EdgecException e) {
            all = Optional.empty();
        }
        if (all.isPresent()) {
            for (int i = 0; i < values.size(); i++) {
                out.put(values.get(i), all.get().get(i));
            }
        } else if (values.size() > 1) {
            for (String v : values) {
                out.putAll(compute(region, List.of(v), null));
            }
        }
        return out;
    }

    /** The graph with {@code values} as constants and the region nodes no longer needed removed. */
    private static Graph replace(ConstantRegion region, List<String> values, Map<String, Tensor> computed) {
        Graph g = region.graph();
        Set<Node> removed = new HashSet<>(region.cone(values));
        region.kept(values).forEach(removed::remove);
        List<Node> nodes = g.nodes().stream().filter(n -> !removed.contains(n)).toList();
        Graph.Builder b = g.toBuilder().setNodes(nodes);
        for (String v : values) {
            b.addConstant(v, computed.get(v));
        }
        Set<String> live = new HashSet<>();
        nodes.forEach(n -> live.addAll(n.inputs()));
        g.outputs().stream().map(Value::name).forEach(live::add);
        for (String c : region.constantInputs(removed)) {
            if (!live.contains(c)) {
                b.removeConstant(c);
            }
        }
        return b.build();
    }
}
