package dev.edgec.core.fold;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import dev.edgec.core.control.Guard;
import dev.edgec.core.lower.AssembledModule;
import dev.edgec.core.lower.ModuleAssembler;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import dev.edgec.opt.OptimizerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes values of a constant subgraph with edgec's own kernels: the nodes that produce them are
 * lowered as at -O0 (no fusion, views copied) into a module without inputs, which Chicory runs once.
 * The folded constants therefore hold exactly the bits the kernels would compute at every run. An
 * evaluator serves one compile: it counts the instructions that compile has interpreted.
 */
final class KernelEvaluator {
    /** Constant subgraphs needing more linear memory than this stay kernels: the interpreter would hold it all on the heap. */
    static final long MAX_MEMORY_BYTES = 256L << 20;

    /**
     * WebAssembly instructions one compile may interpret to fold constants: an 18 M multiply-accumulate
     * Conv takes 122 M, interpreted (and counted) at about 22 M a second, so folding costs at most a few
     * seconds. Counting instructions rather than time keeps compiles deterministic; a subgraph that
     * would need more stays a kernel.
     */
    static final long MAX_INSTRUCTIONS = 100_000_000;

    private static final byte[] SIGNATURE = "{\"abi\":1,\"purpose\":\"constant folding\"}".getBytes(StandardCharsets.UTF_8);

    private final OperatorRegistry registry;
    private long instructionsLeft = MAX_INSTRUCTIONS;

    KernelEvaluator(OperatorRegistry registry) {
        this.registry = registry;
    }

    /** A lowered constant subgraph, ready to run. */
    record Lowered(List<Node> nodes, List<String> outputs, List<TensorType> types, AssembledModule module,
                   Set<String> constantsReadAtRunTime) {
    }

    /** Lowers the region nodes that compute {@code outputs}; may throw what lowering throws (limits, unsupported). */
    Lowered lower(ConstantRegion region, List<String> outputs) {
        Graph g = region.graph();
        List<Node> cone = region.cone(outputs);
        Graph.Builder b = Graph.builder();
        for (String c : region.constantInputs(cone)) {
            b.addConstant(c, g.constants().get(c));
        }
        for (Node n : cone) {
            // a node of an If branch runs unconditionally here: values are pure, and an error status it
            // would report keeps it a kernel (the caller checks), so its guard is not needed
            b.addNode(Guard.strip(n));
            n.outputs().stream().filter(o -> !o.isEmpty()).forEach(o -> b.setType(o, g.type(o)));
        }
        outputs.forEach(o -> b.addOutput(new Value(o, g.type(o))));
        Graph sub = b.build();
        AssembledModule m = ModuleAssembler.assemble(sub, registry, SIGNATURE, "edgec_fold", false);
        Set<String> read = m.addresses().keySet().stream().filter(sub.constants()::containsKey)
                .collect(Collectors.toSet());
        return new Lowered(cone, List.copyOf(outputs), outputs.stream().map(g::type).toList(), m, read);
    }

    /**
     * Runs the module: the outputs in order, or empty when it needs too much memory, exceeds the
     * instructions left in this compile, or {@code run()} returns an error status (a Gather index out of
     * range…): such values stay kernels, so the module reports the same error at run time as at -O0.
     */
    Optional<List<Tensor>> run(Lowered l) {
        if ((long) l.module().memoryPages() * 65536 > MAX_MEMORY_BYTES || instructionsLeft <= 0) {
            return Optional.empty();
        }
        long[] left = {instructionsLeft};
        try {
            Instance instance = Instance.builder(Parser.parse(l.module().bytes()))
                    .withUnsafeExecutionListener((instruction, stack) -> {
                        if (--left[0] < 0) {
                            throw new OutOfInstructions();
                        }
                    }).build();
            long status = instance.export("run").apply()[0];
            if (status != 0) {
                return Optional.empty();
            }
            List<Tensor> values = new ArrayList<>();
            for (int i = 0; i < l.outputs().size(); i++) {
                int at = (int) instance.export("output_ptr").apply(i)[0];
                TensorType t = l.types().get(i);
                values.add(Tensor.of(t, instance.memory().readBytes(at, (int) t.byteSize())));
            }
            return Optional.of(values);
        } catch (RuntimeException e) {
            if (left[0] < 0) {
                return Optional.empty();
            }
            if (e instanceof ChicoryException) {
                // ABI v1 promises no trap on any data: a kernel that traps on constants is a compiler bug
                throw new OptimizerException("internal error: folding constants, the kernels of "
                        + l.nodes().stream().map(Node::describe).collect(Collectors.joining(", "))
                        + " trapped: " + e.getMessage(), e);
            }
            throw e;
        } finally {
            instructionsLeft = Math.max(0, left[0]);
        }
    }

    /** Thrown from inside the interpreter to stop a run that exceeds its instruction budget. */
    private static final class OutOfInstructions extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfInstructions() {
            super("constant folding instruction budget exhausted", null, false, false);
        }
    }
}
