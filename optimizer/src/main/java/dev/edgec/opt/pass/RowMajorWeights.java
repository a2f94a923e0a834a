package dev.edgec.opt.pass;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.opt.Pass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the constant weight matrix of a Gemm (and of a 2-D MatMul, which becomes a Gemm) transposed,
 * with {@code transB = 1}, so that each output's dot product reads its weights consecutively instead
 * of one per row of B: a [K, N] B is walked with a stride of N·4 bytes, which misses the cache on
 * almost every load once B outgrows it. The products are summed in the same order, so every output
 * bit stays the same; the transposed constant replaces the original, which dead-code elimination
 * drops when nothing else reads it.
 */
public final class RowMajorWeights implements Pass {
    /** Gemm without input C only exists from opset 11 on. */
    private static final int GEMM_OPTIONAL_C = 11;

    @Override
    public String name() {
        return "row-major-weights";
    }

    @Override
    public Graph run(Graph g) {
        for (Node n : g.nodes()) {
            if (!n.domain().isEmpty() || n.inputs().size() < 2) {
                continue;
            }
            Tensor b = g.constants().get(n.input(1));
            if (b == null || b.dataType() != DataType.FLOAT32 || b.shape().rank() != 2) {
                continue;
            }
            boolean gemm = n.opType().equals("Gemm") && !transB(n);
            boolean matMul = n.opType().equals("MatMul") && n.inputs().size() == 2
                    && g.type(n.input(0)).shape().rank() == 2 && n.opsetVersion() >= GEMM_OPTIONAL_C
                    && !n.attributes().containsKey(InternalAttributes.BIAS);
            if (gemm || matMul) {
                return rewrite(g, n, b);
            }
        }
        return g;
    }

    private static boolean transB(Node n) {
        return n.attributes().get("transB") instanceof Attribute.IntAttr t && t.value() != 0;
    }

    private static Graph rewrite(Graph g, Node n, Tensor b) {
        String name = BatchNormFolding.freshName(g, n.input(1) + "_t");
        List<String> inputs = new ArrayList<>(n.inputs());
        inputs.set(1, name);
        Map<String, Attribute> attrs = new HashMap<>(n.attributes());
        attrs.put("transB", new Attribute.IntAttr(1));
        Node rewritten = new Node(n.name(), n.domain(), "Gemm", n.opsetVersion(), inputs, n.outputs(), attrs);
        List<Node> nodes = new ArrayList<>(g.nodes());
        nodes.set(nodes.indexOf(n), rewritten);
        return g.toBuilder().setNodes(nodes).addConstant(name, transpose(b)).build();
    }

    static Tensor transpose(Tensor m) {
        int rows = m.shape().dim(0);
        int cols = m.shape().dim(1);
        float[] v = m.toFloats();
        float[] t = new float[v.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = v[r * cols + c];
            }
        }
        return Tensor.ofFloats(Shape.of(cols, rows), t);
    }
}
