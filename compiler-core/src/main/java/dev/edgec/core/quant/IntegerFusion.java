package dev.edgec.core.quant;

import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.core.ops.quant.QuantOperators;
import dev.edgec.core.ops.quant.QuantRange;
import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.opt.Pass;
import dev.edgec.opt.pass.Uses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Integer kernels for the rest of a QDQ model (every compile from -O1, and {@code --integer-only} at
 * -O0 too): turns {@code DequantizeLinear → op → QuantizeLinear} (every scale
 * and zero point a per-tensor constant) into an integer kernel for the operators beyond Conv, Gemm and
 * MatMul ({@link QdqFusion}, which this pass also runs to completion):
 * <ul>
 *   <li>Relu, Clip, Identity, and a bare {@code DequantizeLinear → QuantizeLinear}: {@code dev.edgec.QLinearClamp};</li>
 *   <li>MaxPool, Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Slice, Gather, Tile, Expand, SpaceToDepth,
 *       Resize (nearest) ({@link #MOVES}): the same operator on the 8-bit tensor (they only move
 *       or pick values, which commutes with the monotonic dequantization), then a requantizing QLinearClamp if
 *       the output's scale or zero point differs;</li>
 *   <li>AveragePool (no padding, or count_include_pad = 1) and GlobalAveragePool: {@code dev.edgec.QLinearAveragePool};</li>
 *   <li>Add of two quantized tensors, or of a quantized tensor and a float32 constant: {@code dev.edgec.QLinearAdd};</li>
 *   <li>Mul of two quantized tensors: {@code dev.edgec.QLinearMul};</li>
 *   <li>Softmax over the last axis: {@code dev.edgec.QLinearSoftmax};</li>
 *   <li>any other elementwise function of one 8-bit tensor (Sigmoid, Tanh, HardSwish, LeakyRelu, Mul by a
 *       constant...): a 256-entry {@code dev.edgec.QLinearLookup} ({@link QdqLookup});</li>
 *   <li>Concat: each input requantized to the output's parameters where they differ, then Concat on 8-bit tensors.</li>
 * </ul>
 * With {@code --integer-only}, anything left float afterwards makes {@link IntegerOnlyModule} fail the compile.
 */
public final class IntegerFusion implements Pass {
    private static final String DOMAIN = QuantOperators.INTEGER_DOMAIN;
    /**
     * Operators that only pick, move or repeat values (Resize in its nearest mode), so they commute with
     * the monotonic dequantization: they run on the 8-bit tensor as they are. The ptq plan's list.
     */
    public static final Set<String> MOVES = Set.of("MaxPool", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose",
            "Identity", "Slice", "Gather", "Tile", "Expand", "SpaceToDepth", "Resize");
    private final QdqFusion qdq = new QdqFusion();
    /** Lowers the float kernels that tabulate elementwise functions ({@link QdqLookup}). */
    private final OperatorRegistry registry;

    public IntegerFusion(OperatorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "fuse-qdq-integer";
    }

    /**
     * Applies QDQ fusion (all its patterns per call) and this rewrite (one pattern per call) until
     * neither changes anything: an integer kernel can complete a pattern QDQ fusion then takes.
     */
    @Override
    public Graph run(Graph g) {
        while (true) {
            Graph next = qdq.run(g);
            if (next == g) {
                next = once(g);
            }
            if (next == g) {
                return g;
            }
            g = next;
        }
    }

    private Graph once(Graph g) {
        Uses uses = new Uses(g);
        for (Node q : g.nodes()) {
            if (!is(q, "QuantizeLinear") || q.inputs().size() != 3 || !QdqFusion.perTensorConstants(g, q)) {
                continue;
            }
            Node op = uses.producer(q.input(0));
            if (op == null) {
                continue;
            }
            if (dequantized(g, op)) {
                return replace(g, q, op, List.of(clamp(g, q.name(), op, q, q.output(0), null, null)));
            }
            if (!uses.hasSingleUse(q.input(0)) || !op.domain().isEmpty()
                    || op.outputs().size() != 1 || op.attributes().keySet().stream().anyMatch(k -> k.startsWith("edgec."))) {
                continue;
            }
            Optional<List<Node>> fused = rewrite(g, uses, op, q);
            if (fused.isPresent()) {
                return replace(g, q, op, fused.get());
            }
            Optional<Graph> lookup = QdqLookup.fuse(g, uses, op, q, registry);
            if (lookup.isPresent()) {
                return lookup.get();
            }
        }
        return g;
    }

    private static Optional<List<Node>> rewrite(Graph g, Uses uses, Node op, Node q) {
        Node dq = uses.producer(op.input(0));
        if (!dequantized(g, dq)) {
            return Optional.empty();
        }
        return switch (op.opType()) {
            case "Relu", "Clip" -> QdqActivation.clampOf(g, op, q).map(c -> {
                QuantRange type = QuantRange.of(g.type(q.input(2)).dataType());
                return List.of(clamp(g, op.name(), dq, q, q.output(0), c[0] == type.min() ? null : c[0],
                        c[1] == type.max() ? null : c[1]));
            });
            case "Identity" -> Optional.of(List.of(clamp(g, op.name(), dq, q, q.output(0), null, null)));
            case "AveragePool", "GlobalAveragePool" -> averagePool(g, op, dq, q);
            case "Add" -> add(g, uses, op, q);
            case "Mul" -> mul(g, uses, op, q);
            case "Concat" -> concat(g, uses, op, q);
            case "Softmax" -> softmax(g, op, dq, q);
            default -> MOVES.contains(op.opType()) && picksValues(op) ? move(g, op, dq, q) : Optional.empty();
        };
    }

    /** {@code op} reads a per-tensor constant DequantizeLinear of an 8-bit tensor, its zero point given. */
    static boolean dequantized(Graph g, Node dq) {
        return QdqFusion.isDequantize(dq) && dq.inputs().size() == 3 && dq.hasInput(2) && QdqFusion.perTensorConstants(g, dq)
                && QdqFusion.EIGHT_BIT.contains(g.type(dq.input(0)).dataType());
    }

    private static long zeroPoint(Graph g, Node qOrDq) {
        return g.constants().get(qOrDq.input(2)).getLong(0);
    }

    private static double scale(Graph g, Node qOrDq) {
        return g.constants().get(qOrDq.input(1)).getDouble(0);
    }

    private static boolean sameParams(Graph g, Node dq, Node q) {
        return scale(g, dq) == scale(g, q) && zeroPoint(g, dq) == zeroPoint(g, q)
                && g.type(dq.input(2)).dataType() == g.type(q.input(2)).dataType();
    }

    /** QLinearClamp from dq's tensor to q's parameters, bounded by {@code lo}/{@code hi} (integer values of q's output). */
    private static Node clamp(Graph g, String name, Node dq, Node q, String output, Long lo, Long hi) {
        Map<String, Attribute> attrs = new HashMap<>();
        if (lo != null) {
            attrs.put("lo", new Attribute.IntAttr(lo));
        }
        if (hi != null) {
            attrs.put("hi", new Attribute.IntAttr(hi));
        }
        return new Node(name, DOMAIN, "QLinearClamp", 1, List.of(dq.input(0), dq.input(1), dq.input(2), q.input(1),
                q.input(2)), List.of(output), attrs);
    }

    /** Resize picks values only in its nearest mode (the default); the other moves always do. */
    private static boolean picksValues(Node op) {
        return !op.opType().equals("Resize")
                || !(op.attributes().get("mode") instanceof Attribute.StringAttr m) || m.value().equals("nearest");
    }

    /** The operator on the 8-bit tensor, then a requantization when the output's parameters differ. */
    private static Optional<List<Node>> move(Graph g, Node op, Node dq, Node q) {
        if (op.inputs().subList(1, op.inputs().size()).stream().anyMatch(i -> !i.isEmpty() && !g.constants().containsKey(i))) {
            return Optional.empty();
        }
        List<String> inputs = new ArrayList<>(op.inputs());
        inputs.set(0, dq.input(0));
        int opset = op.opType().equals("MaxPool") ? Math.max(12, op.opsetVersion()) : op.opsetVersion();
        if (sameParams(g, dq, q)) {
            return Optional.of(List.of(new Node(op.name(), "", op.opType(), opset, inputs, q.outputs(), op.attributes())));
        }
        String moved = fresh(g, op.output(0) + "_quantized");
        Node m = new Node(op.name(), "", op.opType(), opset, inputs, List.of(moved), op.attributes());
        Node requant = new Node(op.name() + "_requantize", DOMAIN, "QLinearClamp", 1, List.of(moved, dq.input(1),
                dq.input(2), q.input(1), q.input(2)), q.outputs(), Map.of());
        return Optional.of(List.of(m, requant));
    }

    private static Optional<List<Node>> averagePool(Graph g, Node op, Node dq, Node q) {
        Map<String, Attribute> attrs = new HashMap<>();
        boolean global = op.opType().equals("GlobalAveragePool");
        if (global) {
            attrs.put("global", new Attribute.IntAttr(1));
        } else {
            long[] pads = ints(op, "pads");
            boolean padded = pads != null && java.util.Arrays.stream(pads).anyMatch(p -> p != 0);
            for (Map.Entry<String, Attribute> e : op.attributes().entrySet()) {
                boolean fits = switch (e.getKey()) {
                    case "kernel_shape", "strides", "pads" -> true;
                    case "ceil_mode" -> e.getValue() instanceof Attribute.IntAttr i && i.value() == 0;
                    case "auto_pad" -> e.getValue() instanceof Attribute.StringAttr s && s.value().equals("NOTSET");
                    case "dilations" -> java.util.Arrays.stream(ints(op, "dilations")).allMatch(d -> d == 1);
                    case "count_include_pad" -> e.getValue() instanceof Attribute.IntAttr i && (i.value() == 1 || !padded);
                    default -> false;
                };
                if (!fits) {
                    return Optional.empty();
                }
                if (!e.getKey().equals("ceil_mode") && !e.getKey().equals("auto_pad") && !e.getKey().equals("dilations")
                        && !e.getKey().equals("count_include_pad")) {
                    attrs.put(e.getKey(), e.getValue());
                }
            }
            if (padded && !(op.attributes().get("count_include_pad") instanceof Attribute.IntAttr)) {
                return Optional.empty();
            }
        }
        if (g.type(dq.input(0)).shape().rank() != 4) {
            return Optional.empty();
        }
        return Optional.of(List.of(new Node(op.name(), DOMAIN, "QLinearAveragePool", 1, List.of(dq.input(0), dq.input(1),
                dq.input(2), q.input(1), q.input(2)), q.outputs(), attrs)));
    }

    private static long[] ints(Node op, String name) {
        return op.attributes().get(name) instanceof Attribute.IntsAttr a
                ? a.values().stream().mapToLong(Long::longValue).toArray() : null;
    }

    private static Optional<List<Node>> add(Graph g, Uses uses, Node op, Node q) {
        Node da = uses.producer(op.input(0));
        Node db = uses.producer(op.input(1));
        Tensor ca = g.constants().get(op.input(0));
        Tensor cb = g.constants().get(op.input(1));
        List<String> in;
        if (dequantized(g, da) && dequantized(g, db)) {
            in = List.of(da.input(0), da.input(1), da.input(2), db.input(0), db.input(1), db.input(2));
        } else if (dequantized(g, da) && cb != null && cb.dataType() == DataType.FLOAT32) {
            in = List.of(da.input(0), da.input(1), da.input(2), op.input(1), "", "");
        } else if (dequantized(g, db) && ca != null && ca.dataType() == DataType.FLOAT32) {
            in = List.of(db.input(0), db.input(1), db.input(2), op.input(0), "", "");
        } else {
            return Optional.empty();
        }
        List<String> inputs = new ArrayList<>(in);
        inputs.add(q.input(1));
        inputs.add(q.input(2));
        return Optional.of(List.of(new Node(op.name(), DOMAIN, "QLinearAdd", 1, inputs, q.outputs(), Map.of())));
    }

    /** Mul of two quantized tensors (a constant factor is {@link QdqLookup}'s). */
    private static Optional<List<Node>> mul(Graph g, Uses uses, Node op, Node q) {
        Node da = uses.producer(op.input(0));
        Node db = uses.producer(op.input(1));
        if (!dequantized(g, da) || !dequantized(g, db)) {
            return Optional.empty();
        }
        List<String> inputs = List.of(da.input(0), da.input(1), da.input(2), db.input(0), db.input(1), db.input(2),
                q.input(1), q.input(2));
        return Optional.of(List.of(new Node(op.name(), DOMAIN, "QLinearMul", 1, inputs, q.outputs(), Map.of())));
    }

    /**
     * Concat of quantized tensors: each input whose scale or zero point differs from the output's is first
     * requantized to them (a QLinearClamp), then the 8-bit tensors are concatenated as they are.
     */
    private static Optional<List<Node>> concat(Graph g, Uses uses, Node op, Node q) {
        List<Node> out = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < op.inputs().size(); i++) {
            Node dq = uses.producer(op.input(i));
            if (!dequantized(g, dq)) {
                return Optional.empty();
            }
            if (sameParams(g, dq, q)) {
                inputs.add(dq.input(0));
                continue;
            }
            String requantized = fresh(g, op.output(0) + "_input" + i + "_requantized");
            out.add(clamp(g, op.name() + "_requantize_" + i, dq, q, requantized, null, null));
            inputs.add(requantized);
        }
        out.add(new Node(op.name(), "", "Concat", op.opsetVersion(), inputs, q.outputs(), op.attributes()));
        return Optional.of(out);
    }

    private static Optional<List<Node>> softmax(Graph g, Node op, Node dq, Node q) {
        int rank = g.type(dq.input(0)).shape().rank();
        long axis = op.attributes().get("axis") instanceof Attribute.IntAttr a ? a.value() : op.opsetVersion() >= 13 ? -1 : 1;
        if (op.attributes().size() > (op.attributes().containsKey("axis") ? 1 : 0) || rank == 0
                || (axis + rank) % rank != rank - 1 || axis < -rank || axis >= rank) {
            return Optional.empty();
        }
        return Optional.of(List.of(new Node(op.name(), DOMAIN, "QLinearSoftmax", 1, List.of(dq.input(0), dq.input(1),
                dq.input(2), q.input(1), q.input(2)), q.outputs(), Map.of("axis", new Attribute.IntAttr(rank - 1)))));
    }

    static String fresh(Graph g, String base) {
        String name = base;
        for (int i = 1; g.types().containsKey(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static boolean is(Node n, String opType) {
        return n != null && n.domain().isEmpty() && n.opType().equals(opType);
    }

    /** Swaps {@code op} for {@code replacement} and drops {@code q} (the replacement writes q's output). */
    private static Graph replace(Graph g, Node q, Node op, List<Node> replacement) {
        Graph.Builder b = g.toBuilder();
        // new intermediates: a moved 8-bit tensor before its requantization has its op's shape and its input's
        // type; a Concat input requantized to the output's parameters has its input's shape and the output's type
        for (Node n : replacement) {
            if (g.types().containsKey(n.output(0))) {
                continue;
            }
            boolean requantized = n.domain().equals(DOMAIN);
            TensorType t = requantized
                    ? new TensorType(g.type(n.input(4)).dataType(), g.type(n.input(0)).shape())
                    : new TensorType(g.type(n.input(0)).dataType(), g.type(op.output(0)).shape());
            b.setType(n.output(0), t);
        }
        if (op == null || is(op, "DequantizeLinear")) {
            return b.setNodes(QdqFusion.rewrite(g, q, replacement, null)).build();
        }
        return b.setNodes(QdqFusion.rewrite(g, op, replacement, q)).build();
    }
}
