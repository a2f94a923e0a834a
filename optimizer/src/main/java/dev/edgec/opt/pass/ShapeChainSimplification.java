package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simplifies Transpose and Reshape: a Transpose or Reshape of a constant becomes the permuted or
 * reshaped constant; Transpose of a Transpose becomes one Transpose with the composed permutation;
 * a Transpose whose permutation is the identity becomes an Identity (which {@code remove-identity}
 * then drops); a Reshape of a Reshape, Flatten, Squeeze or Unsqueeze reads the original tensor with
 * its (static) output shape spelled out.
 */
public final class ShapeChainSimplification implements Pass {
    /** Operators whose output holds the input's bytes in the same order, only with another shape. */
    private static final Set<String> RESHAPES = Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze");

    @Override
    public String name() {
        return "simplify-transpose-reshape";
    }

    @Override
    public Graph run(Graph g) {
        Uses uses = new Uses(g);
        for (Node n : g.nodes()) {
            if (!n.domain().isEmpty() || n.outputs().size() != 1 || n.inputs().isEmpty() || n.input(0).isEmpty()) {
                continue;
            }
            Graph out = switch (n.opType()) {
                case "Transpose" -> transpose(g, uses, n);
                case "Reshape" -> reshape(g, uses, n);
                default -> null;
            };
            if (out != null) {
                return out;
            }
        }
        return g;
    }

    private static Graph transpose(Graph g, Uses uses, Node n) {
        int rank = g.type(n.input(0)).shape().rank();
        int[] perm = perm(n, rank);
        if (perm == null) {
            return null;
        }
        Tensor c = g.constants().get(n.input(0));
        if (c != null) {
            return g.isGraphOutput(n.output(0)) ? null : fold(g, n, transposed(c, perm));
        }
        if (isIdentity(perm)) {
            return replace(g, n, new Node(n.name(), "", "Identity", n.opsetVersion(), List.of(n.input(0)), n.outputs(),
                    Map.of()), null, null);
        }
        Node inner = uses.producer(n.input(0));
        if (inner == null || !inner.domain().isEmpty() || !inner.opType().equals("Transpose") || inner.inputs().size() != 1) {
            return null;
        }
        int[] innerPerm = perm(inner, rank);
        if (innerPerm == null) {
            return null;
        }
        // y[j] = t[perm[j]] and t[i] = x[innerPerm[i]], so y[j] = x[innerPerm[perm[j]]]
        List<Long> composed = new ArrayList<>();
        for (int j = 0; j < rank; j++) {
            composed.add((long) innerPerm[perm[j]]);
        }
        return replace(g, n, new Node(n.name(), "", "Transpose", n.opsetVersion(), List.of(inner.input(0)), n.outputs(),
                Map.of("perm", new Attribute.IntsAttr(composed))), null, null);
    }

    private static Graph reshape(Graph g, Uses uses, Node n) {
        if (n.opsetVersion() < 5 || n.inputs().size() != 2) {
            return null;
        }
        TensorType outType = g.type(n.output(0));
        Tensor c = g.constants().get(n.input(0));
        if (c != null) {
            return g.isGraphOutput(n.output(0)) ? null : fold(g, n, Tensor.of(outType, c.bytes()));
        }
        Node inner = uses.producer(n.input(0));
        if (inner == null || !inner.domain().isEmpty() || !RESHAPES.contains(inner.opType()) || inner.inputs().isEmpty()
                || inner.input(0).isEmpty()) {
            return null;
        }
        int[] dims = outType.shape().dims();
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 0) {
                return null; // a 0 in the shape input would mean "copy the input's dimension" without allowzero
            }
            shape[i] = dims[i];
        }
        String shapeName = BatchNormFolding.freshName(g, n.name() + "_shape");
        Node direct = new Node(n.name(), "", "Reshape", n.opsetVersion(), List.of(inner.input(0), shapeName), n.outputs(),
                Map.of());
        return replace(g, n, direct, shapeName, Tensor.ofLongs(DataType.INT64, Shape.of(dims.length), shape));
    }

    /** The permutation of a Transpose (reversed axes by default), or null when its attributes are unexpected. */
    private static int[] perm(Node n, int rank) {
        Attribute a = n.attributes().get("perm");
        if (n.attributes().size() > (a == null ? 0 : 1)) {
            return null;
        }
        int[] perm = new int[rank];
        if (a == null) {
            for (int i = 0; i < rank; i++) {
                perm[i] = rank - 1 - i;
            }
            return perm;
        }
        if (!(a instanceof Attribute.IntsAttr ints) || ints.values().size() != rank) {
            return null;
        }
        for (int i = 0; i < rank; i++) {
            perm[i] = (int) (long) ints.values().get(i);
        }
        return perm;
    }

    private static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** The constant transposed: output axis i is input axis perm[i]. */
    static Tensor transposed(Tensor c, int[] perm) {
        Shape in = c.shape();
        int rank = in.rank();
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = in.dim(perm[i]);
        }
        int size = c.dataType().byteSize();
        int[] inStrides = in.strides();
        byte[] src = c.bytes();
        byte[] dst = new byte[src.length];
        int[] idx = new int[rank];
        int count = c.elementCount();
        for (int o = 0; o < count; o++) {
            int from = 0;
            for (int i = 0; i < rank; i++) {
                from += idx[i] * inStrides[perm[i]];
            }
            System.arraycopy(src, from * size, dst, o * size, size);
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < outDims[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return Tensor.of(new TensorType(c.dataType(), Shape.of(outDims)), dst);
    }

    /** Removes n; its output becomes the constant {@code value}. */
    private static Graph fold(Graph g, Node n, Tensor value) {
        List<Node> nodes = new ArrayList<>(g.nodes());
        nodes.remove(n);
        return g.toBuilder().setNodes(nodes).addConstant(n.output(0), value).build();
    }

    private static Graph replace(Graph g, Node old, Node with, String constantName, Tensor constant) {
        List<Node> nodes = new ArrayList<>();
        for (Node m : g.nodes()) {
            nodes.add(m == old ? with : m);
        }
        Graph.Builder b = g.toBuilder().setNodes(nodes);
        if (constantName != null) {
            b.addConstant(constantName, constant);
        }
        return b.build();
    }
}
