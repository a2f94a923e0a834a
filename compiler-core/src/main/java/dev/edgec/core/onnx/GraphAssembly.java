package dev.edgec.core.onnx;

import dev.edgec.core.control.ContribQuantOperators;
import dev.edgec.core.control.ControlFlow;
import dev.edgec.core.control.Guard;
import dev.edgec.core.control.SequenceOperators;
import dev.edgec.core.control.SequenceSink;
import dev.edgec.core.control.SequenceValue;
import dev.edgec.core.fold.ImportTimeFolding;
import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Graph;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The importer's second phase, one node at a time in order: infer the node's output types through
 * its operator, fold it to constants when its operator can evaluate it, or add it to the graph.
 * {@code Constant} nodes become constants and control-flow nodes are expanded into plain nodes that
 * come back here ({@link dev.edgec.core.control.ExpansionSink}), so folding reaches into unrolled loop
 * bodies. Sequence operators are expanded the same way; the sequence values they define are kept here
 * as lists of tensor names ({@link SequenceSink}) and never reach the graph.
 */
final class GraphAssembly implements SequenceSink {
    /** Most nodes control-flow expansion may add to a graph in all (nested loops multiply). */
    static final long MAX_NODES = 4 * ControlFlow.MAX_UNROLLED_NODES;

    private final OperatorRegistry registry;
    private final ImportTimeFolding importFolding;
    private final Graph.Builder b;
    private final Map<String, Tensor> constants;
    private final Map<String, TensorType> types;
    private final Set<String> usedNames;
    private final Map<String, Node> producers = new HashMap<>();
    /** Sequence values: the tensors each holds (sequences never reach the graph; see SequenceExpander). */
    private final Map<String, SequenceValue> sequences = new HashMap<>();
    private long expanded;
    private int expansionDepth;

    GraphAssembly(OperatorRegistry registry, ImportTimeFolding importFolding, Graph.Builder b,
                  Map<String, Tensor> constants, Set<String> usedNames) {
        this.registry = registry;
        this.importFolding = importFolding;
        this.b = b;
        this.constants = constants;
        this.types = new HashMap<>(b.types());
        this.usedNames = usedNames;
    }

    @Override
    public void add(Node n) {
        if (expansionDepth > 0 && ++expanded > MAX_NODES) {
            throw new LimitExceededException(n.describe() + ": expanding control flow makes the graph larger than "
                    + MAX_NODES + " nodes");
        }
        if (n.domain().isEmpty() && n.opType().equals("Constant")) {
            Tensor value = ConstantNodes.value(Guard.strip(n));
            addConstant(n.output(0), value);
            return;
        }
        if (ControlFlow.handles(n)) {
            Optional<String> why = ControlFlow.whyUnsupported(n);
            if (why.isPresent()) {
                throw new UnsupportedModelException("unsupported operator: " + why.get());
            }
            expansionDepth++;
            try {
                ControlFlow.expand(n, this);
            } finally {
                expansionDepth--;
            }
            return;
        }
        if (SequenceOperators.handles(n)) {
            SequenceOperators.expand(n, this);
            return;
        }
        if (ContribQuantOperators.handles(n)) {
            ContribQuantOperators.expand(n, this);
            return;
        }
        Node plain = Guard.strip(n);
        Operator op = registry.operatorFor(plain, plain.opsetVersion());
        OpContext ctx = new OpContext(plain, plain.opsetVersion(), name -> type(name, plain), constants);
        List<TensorType> outs;
        while (true) {
            try {
                outs = inferTypes(op, ctx);
                break;
            } catch (ConstantInputRequiredException e) {
                // an input computed from constants by operators without an evaluate hook: run their kernels now
                if (!importFolding.foldInto(b, constants, e.inputName())) {
                    throw e;
                }
                ctx = new OpContext(plain, plain.opsetVersion(), name -> type(name, plain), constants);
            }
        }
        Optional<List<Tensor>> folded = op.evaluate(ctx);
        for (int o = 0; o < n.outputs().size(); o++) {
            String out = n.output(o);
            if (!out.isEmpty() && o < outs.size()) {
                if (types.containsKey(out) || sequences.containsKey(out)) {
                    throw new InvalidModelException(n.describe() + ": value '" + out + "' is already defined");
                }
                types.put(out, outs.get(o));
                producers.put(out, n);
                if (folded.isPresent()) {
                    constants.put(out, folded.get().get(o));
                    b.addConstant(out, folded.get().get(o));
                } else {
                    b.setType(out, outs.get(o));
                }
            }
        }
        if (folded.isEmpty()) {
            b.addNode(n);
        }
    }

    @Override
    public Optional<Tensor> constant(String value) {
        return Optional.ofNullable(constants.get(value));
    }

    @Override
    public TensorType type(String name, Node reader) {
        TensorType t = types.get(name);
        if (t == null && sequences.containsKey(name)) {
            throw new UnsupportedModelException(reader.describe() + " reads sequence '" + name + "'; edgec supports "
                    + "sequences only in the sequence operators (SequenceAt, ConcatFromSequence...), If and Loop");
        }
        if (t == null) {
            throw new InvalidModelException(reader.describe() + " reads '" + name + "', which has no known type");
        }
        return t;
    }

    @Override
    public Optional<SequenceValue> sequence(String value) {
        return Optional.ofNullable(sequences.get(value));
    }

    @Override
    public void defineSequence(String name, SequenceValue value) {
        if (types.containsKey(name) || sequences.containsKey(name)) {
            throw new InvalidModelException("value '" + name + "' is defined twice");
        }
        sequences.put(name, value);
    }

    @Override
    public Tensor requireConstantInput(Node reader, int index, String what) {
        Node plain = Guard.strip(reader);
        OpContext ctx = new OpContext(plain, plain.opsetVersion(), name -> type(name, plain), constants);
        if (ctx.constantInput(index).isEmpty()) {
            importFolding.foldInto(b, constants, reader.input(index));
        }
        return ctx.requireConstantInput(index, what);
    }

    @Override
    public void addConstant(String name, Tensor value) {
        if (types.containsKey(name) || sequences.containsKey(name)) {
            throw new InvalidModelException("value '" + name + "' is defined twice");
        }
        constants.put(name, value);
        types.put(name, value.type());
        b.addConstant(name, value);
    }

    @Override
    public String nodeName(String base) {
        String name = base;
        for (int k = 1; !usedNames.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    /** The types of every value so far (graph outputs are looked up here). */
    Map<String, TensorType> types() {
        return types;
    }

    /** The node that computes {@code value}, if a node does (for tracing a required constant to its inputs). */
    Optional<Node> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    private static List<TensorType> inferTypes(Operator op, OpContext ctx) {
        List<TensorType> outs;
        try {
            outs = op.inferTypes(ctx);
        } catch (EdgecException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
        Set<String> unread = ctx.attrs().unread();
        if (!unread.isEmpty()) {
            throw ctx.error("unknown attribute" + (unread.size() > 1 ? "s " : " ") + String.join(", ", unread));
        }
        int required = ctx.outputCount();
        if (outs.size() < required) {
            long given = ctx.node().outputs().stream().skip(outs.size()).filter(s -> !s.isEmpty()).count();
            if (given > 0) {
                throw ctx.error("has " + required + " outputs; edgec computes only the first " + outs.size());
            }
        }
        return outs;
    }
}
