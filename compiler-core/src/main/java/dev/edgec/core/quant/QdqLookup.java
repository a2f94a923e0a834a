package dev.edgec.core.quant;

import dev.edgec.core.fold.ConstantEvaluation;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.core.ops.quant.QuantOperators;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import dev.edgec.opt.pass.Uses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code DequantizeLinear → f → QuantizeLinear} for an elementwise {@code f} of one 8-bit tensor (its
 * other inputs, if any, constants holding one value) as a {@code dev.edgec.QLinearLookup}: the input
 * has 256 possible values, so {@code Q(f(DQ(x)))} is tabulated at compile time, by running f's own
 * float kernel on all 256 dequantized values ({@link ConstantEvaluation}) and quantizing each result as
 * QuantizeLinear does. The module then matches what it computes without the fusion, bit for bit, and
 * holds no float: Sigmoid, Tanh, HardSwish, LeakyRelu, Gelu... in integer-only modules.
 */
public final class QdqLookup {
    /** Operators computed element by element, whose other inputs (if constant scalars) do not change the shape. */
    public static final Set<String> ELEMENTWISE = Set.of("Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid", "HardSwish", "Elu",
            "Selu", "Celu", "Gelu", "Mish", "Softplus", "Softsign", "ThresholdedRelu", "Exp", "Log", "Sqrt", "Reciprocal",
            "Abs", "Neg", "Erf", "Sin", "Cos", "Tan", "Atan", "Floor", "Ceil", "Round", "Sign", "PRelu", "Mul", "Div",
            "Sub", "Pow", "Max", "Min");
    private static final String TABLE_INPUT = "lookup_x";
    private static final String TABLE_OUTPUT = "lookup_y";

    private QdqLookup() {
    }

    /** The graph with {@code dq → op → q} replaced by a lookup, if {@code op} fits. */
    static Optional<Graph> fuse(Graph g, Uses uses, Node op, Node q, OperatorRegistry registry) {
        if (!ELEMENTWISE.contains(op.opType()) || op.outputs().size() != 1) {
            return Optional.empty();
        }
        Node dq = null;
        Graph.Builder table = Graph.builder();
        List<String> inputs = new ArrayList<>();
        for (String in : op.inputs()) {
            Tensor c = in.isEmpty() ? null : g.constants().get(in);
            Node producer = in.isEmpty() ? null : uses.producer(in);
            if (c != null && c.elementCount() == 1) {
                table.addConstant(in, c);
                inputs.add(in);
            } else if (in.isEmpty()) {
                inputs.add(in);
            } else if (dq == null && IntegerFusion.dequantized(g, producer)) {
                dq = producer;
                inputs.add(TABLE_INPUT);
            } else {
                return Optional.empty(); // a second run-time input, or a constant with several values
            }
        }
        TensorType out = g.type(op.output(0));
        if (dq == null || out.dataType() != DataType.FLOAT32 || !out.shape().equals(g.type(dq.output(0)).shape())) {
            return Optional.empty();
        }
        DataType xt = g.type(dq.input(0)).dataType();
        float xs = (float) g.constants().get(dq.input(1)).getDouble(0);
        long xz = g.constants().get(dq.input(2)).getLong(0);
        float[] dequantized = new float[256];
        for (int u = 0; u < 256; u++) {
            long code = xt == DataType.INT8 ? (byte) u : u; // entry u serves the byte u, read unsigned
            dequantized[u] = (float) (code - xz) * xs; // as DequantizeLinear computes it
        }
        TensorType column = new TensorType(DataType.FLOAT32, Shape.of(256));
        table.addConstant(TABLE_INPUT, Tensor.ofFloats(Shape.of(256), dequantized));
        table.addNode(new Node(op.name(), op.domain(), op.opType(), op.opsetVersion(), inputs, List.of(TABLE_OUTPUT),
                op.attributes()));
        table.setType(TABLE_OUTPUT, column);
        table.addOutput(new Value(TABLE_OUTPUT, column));
        Optional<List<Tensor>> f = ConstantEvaluation.outputs(table.build(), registry);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        float ys = (float) g.constants().get(q.input(1)).getDouble(0);
        Tensor yz = g.constants().get(q.input(2));
        long[] entries = new long[256];
        for (int u = 0; u < 256; u++) {
            entries[u] = QdqActivation.quantize((float) f.get().get(0).getDouble(u), ys, yz);
        }
        Graph.Builder b = g.toBuilder();
        String name = IntegerFusion.fresh(g, op.output(0) + "_table");
        b.addConstant(name, Tensor.ofLongs(yz.dataType(), Shape.of(256), entries));
        Node lookup = new Node(op.name(), QuantOperators.INTEGER_DOMAIN, "QLinearLookup", 1, List.of(dq.input(0), name),
                q.outputs(), Map.of());
        return Optional.of(b.setNodes(QdqFusion.rewrite(g, q, List.of(lookup), op)).build());
    }
}
