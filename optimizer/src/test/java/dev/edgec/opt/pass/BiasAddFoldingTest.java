package dev.edgec.opt.pass;

import static dev.edgec.opt.pass.GraphFixtures.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BiasAddFoldingTest {
    private static final TensorType X = TensorType.of(DataType.FLOAT32, 1, 2, 3, 3);
    private static final TensorType Y = TensorType.of(DataType.FLOAT32, 1, 3, 3, 3);

    private static Graph convAdd(Tensor bias, Tensor add, boolean secondReader) {
        Graph.Builder b = Graph.builder()
                .addInput(new Value("x", X))
                .addConstant("w", Tensor.ofFloats(Shape.of(3, 2, 1, 1), new float[6]))
                .addConstant("b", add);
        List<String> convIn = bias == null ? List.of("x", "w") : List.of("x", "w", "cb");
        if (bias != null) {
            b.addConstant("cb", bias);
        }
        b.addNode(node("conv", "Conv", convIn, List.of("t"))).setType("t", Y)
                .addNode(node("add", "Add", List.of("b", "t"), List.of("y"))).setType("y", Y)
                .addOutput(new Value("y", Y));
        if (secondReader) {
            b.addNode(node("r", "Relu", List.of("t"), List.of("z"))).setType("z", Y).addOutput(new Value("z", Y));
        }
        return b.build();
    }

    @Test
    void aPerChannelAddBecomesTheConvBias() {
        Graph out = new BiasAddFolding().run(convAdd(null, Tensor.ofFloats(Shape.of(1, 3, 1, 1), 1f, 2f, 3f), false));
        assertEquals(1, out.nodes().size());
        Node conv = out.nodes().get(0);
        assertEquals(List.of("y"), conv.outputs());
        assertArrayEquals(new float[] {1f, 2f, 3f}, out.constants().get(conv.input(2)).toFloats());
    }

    @Test
    void anExistingConvBiasIsAddedTo() {
        Graph out = new BiasAddFolding().run(convAdd(Tensor.ofFloats(Shape.of(3), 10f, 20f, 30f),
                Tensor.ofFloats(Shape.of(3, 1, 1), 1f, 2f, 3f), false));
        Node conv = out.nodes().get(0);
        assertArrayEquals(new float[] {11f, 22f, 33f}, out.constants().get(conv.input(2)).toFloats());
    }

    @Test
    void aScalarAddIsABiasToo() {
        Graph out = new BiasAddFolding().run(convAdd(null, Tensor.ofFloats(Shape.of(1), 5f), false));
        assertArrayEquals(new float[] {5f, 5f, 5f}, out.constants().get(out.nodes().get(0).input(2)).toFloats());
    }

    @Test
    void anAddAlongAnotherAxisStays() {
        // [3] aligns with the last (width) axis, not with the channels
        Graph g = convAdd(null, Tensor.ofFloats(Shape.of(3), 1f, 2f, 3f), false);
        assertSame(g, new BiasAddFolding().run(g));
        Graph h = convAdd(null, Tensor.ofFloats(Shape.of(1, 1, 3, 1), 1f, 2f, 3f), false);
        assertSame(h, new BiasAddFolding().run(h));
    }

    @Test
    void anIntermediateWithAnotherReaderStays() {
        Graph g = convAdd(null, Tensor.ofFloats(Shape.of(1, 3, 1, 1), 1f, 2f, 3f), true);
        assertSame(g, new BiasAddFolding().run(g));
    }

    private static Graph matMulAdd(TensorType a, TensorType bType, TensorType y, Tensor add) {
        return Graph.builder()
                .addInput(new Value("a", a))
                .addConstant("w", Tensor.ofFloats(bType.shape(), new float[bType.elementCount()]))
                .addConstant("c", add)
                .addNode(node("mm", "MatMul", List.of("a", "w"), List.of("t"))).setType("t", y)
                .addNode(node("add", "Add", List.of("t", "c"), List.of("y"))).setType("y", y)
                .addOutput(new Value("y", y))
                .build();
    }

    @Test
    void aTwoDimensionalMatMulBecomesAGemmWithC() {
        Graph out = new BiasAddFolding().run(matMulAdd(TensorType.of(DataType.FLOAT32, 2, 4),
                TensorType.of(DataType.FLOAT32, 4, 3), TensorType.of(DataType.FLOAT32, 2, 3),
                Tensor.ofFloats(Shape.of(1, 3), 1f, 2f, 3f)));
        Node gemm = out.nodes().get(0);
        assertEquals("Gemm", gemm.opType());
        assertArrayEquals(new float[] {1f, 2f, 3f}, out.constants().get(gemm.input(2)).toFloats());
    }

    @Test
    void aBatchedMatMulGetsTheInternalBiasAttribute() {
        Graph out = new BiasAddFolding().run(matMulAdd(TensorType.of(DataType.FLOAT32, 2, 2, 4),
                TensorType.of(DataType.FLOAT32, 4, 3), TensorType.of(DataType.FLOAT32, 2, 2, 3),
                Tensor.ofFloats(Shape.of(3), 1f, 2f, 3f)));
        Node mm = out.nodes().get(0);
        assertEquals("MatMul", mm.opType());
        Attribute bias = mm.attributes().get(InternalAttributes.BIAS);
        assertArrayEquals(new float[] {1f, 2f, 3f}, ((Attribute.TensorAttr) bias).value().toFloats());
    }

    @Test
    void aGemmBiasIsScaledByBetaAndBetaBecomesOne() {
        TensorType y = TensorType.of(DataType.FLOAT32, 2, 3);
        Graph g = Graph.builder()
                .addInput(new Value("a", TensorType.of(DataType.FLOAT32, 2, 4)))
                .addConstant("w", Tensor.ofFloats(Shape.of(4, 3), new float[12]))
                .addConstant("c0", Tensor.ofFloats(Shape.of(3), 1f, 1f, 1f))
                .addConstant("c", Tensor.ofFloats(Shape.of(3), 1f, 2f, 3f))
                .addNode(node("gemm", "Gemm", List.of("a", "w", "c0"), List.of("t"),
                        Map.of("beta", new Attribute.FloatAttr(2f)))).setType("t", y)
                .addNode(node("add", "Add", List.of("t", "c"), List.of("y"))).setType("y", y)
                .addOutput(new Value("y", y))
                .build();
        Graph out = new BiasAddFolding().run(g);
        Node gemm = out.nodes().get(0);
        assertEquals(new Attribute.FloatAttr(1f), gemm.attributes().get("beta"));
        assertArrayEquals(new float[] {3f, 4f, 5f}, out.constants().get(gemm.input(2)).toFloats());
    }

    @Test
    void nothingFoldsAfterAFusedActivation() {
        TensorType y = TensorType.of(DataType.FLOAT32, 2, 3);
        Graph g = Graph.builder()
                .addInput(new Value("a", TensorType.of(DataType.FLOAT32, 2, 4)))
                .addConstant("w", Tensor.ofFloats(Shape.of(4, 3), new float[12]))
                .addConstant("c", Tensor.ofFloats(Shape.of(3), 1f, 2f, 3f))
                .addNode(node("gemm", "Gemm", List.of("a", "w"), List.of("t"),
                        Map.of(InternalAttributes.ACTIVATION, new Attribute.StringAttr("Relu")))).setType("t", y)
                .addNode(node("add", "Add", List.of("t", "c"), List.of("y"))).setType("y", y)
                .addOutput(new Value("y", y))
                .build();
        assertSame(g, new BiasAddFolding().run(g));
    }
}
