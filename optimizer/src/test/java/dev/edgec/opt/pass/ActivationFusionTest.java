package dev.edgec.opt.pass;

import static dev.edgec.opt.pass.GraphFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationFusionTest {
    private static final TensorType A = TensorType.of(DataType.FLOAT32, 2, 4);
    private static final TensorType Y = TensorType.of(DataType.FLOAT32, 2, 3);

    private static Graph gemmThen(Node act, boolean secondReader) {
        Graph.Builder b = Graph.builder()
                .addInput(new Value("a", A))
                .addConstant("w", Tensor.ofFloats(Shape.of(4, 3), new float[12]))
                .addConstant("lo", Tensor.ofFloats(Shape.scalar(), 0f))
                .addConstant("hi", Tensor.ofFloats(Shape.scalar(), 6f))
                .addNode(node("gemm", "Gemm", List.of("a", "w"), List.of("t"))).setType("t", Y)
                .addNode(act).setType("y", Y)
                .addOutput(new Value("y", Y));
        if (secondReader) {
            b.addOutput(new Value("t", Y));
        }
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Relu", "Sigmoid", "Tanh", "HardSwish", "LeakyRelu", "HardSigmoid"})
    void anActivationBecomesAnAttributeOfItsProducer(String op) {
        Graph out = new ActivationFusion().run(gemmThen(node("act", op, List.of("t"), List.of("y")), false));
        assertEquals(1, out.nodes().size());
        Node gemm = out.nodes().get(0);
        assertEquals(List.of("y"), gemm.outputs());
        assertEquals(new Attribute.StringAttr(op), gemm.attributes().get(InternalAttributes.ACTIVATION));
    }

    @Test
    void leakyReluAndHardSigmoidCarryTheirParameters() {
        Graph out = new ActivationFusion().run(gemmThen(node("act", "HardSigmoid", List.of("t"), List.of("y"),
                Map.of("alpha", new Attribute.FloatAttr(0.3f))), false));
        assertEquals(new Attribute.FloatsAttr(List.of(0.3f, 0.5f)),
                out.nodes().get(0).attributes().get(InternalAttributes.ACTIVATION_PARAMS));
        Graph leaky = new ActivationFusion().run(gemmThen(node("act", "LeakyRelu", List.of("t"), List.of("y")), false));
        assertEquals(new Attribute.FloatsAttr(List.of(0.01f)),
                leaky.nodes().get(0).attributes().get(InternalAttributes.ACTIVATION_PARAMS));
    }

    @Test
    void clipWithConstantBoundsFusesAndAMissingBoundIsInfinite() {
        Graph out = new ActivationFusion().run(gemmThen(node("act", "Clip", List.of("t", "lo", "hi"), List.of("y")), false));
        assertEquals(new Attribute.FloatsAttr(List.of(0f, 6f)),
                out.nodes().get(0).attributes().get(InternalAttributes.ACTIVATION_PARAMS));
        Graph onlyMax = new ActivationFusion().run(gemmThen(node("act", "Clip", List.of("t", "", "hi"), List.of("y")), false));
        assertEquals(new Attribute.FloatsAttr(List.of(Float.NEGATIVE_INFINITY, 6f)),
                onlyMax.nodes().get(0).attributes().get(InternalAttributes.ACTIVATION_PARAMS));
    }

    @Test
    void clipWithARuntimeBoundStays() {
        Graph g = Graph.builder()
                .addInput(new Value("a", A))
                .addInput(new Value("hi", TensorType.of(DataType.FLOAT32)))
                .addConstant("w", Tensor.ofFloats(Shape.of(4, 3), new float[12]))
                .addNode(node("gemm", "Gemm", List.of("a", "w"), List.of("t"))).setType("t", Y)
                .addNode(node("act", "Clip", List.of("t", "", "hi"), List.of("y"))).setType("y", Y)
                .addOutput(new Value("y", Y))
                .build();
        assertSame(g, new ActivationFusion().run(g));
    }

    @Test
    void anIntermediateThatIsAlsoAGraphOutputStays() {
        Graph g = gemmThen(node("act", "Relu", List.of("t"), List.of("y")), true);
        assertSame(g, new ActivationFusion().run(g));
    }

    @Test
    void onlyOneActivationFusesAndOtherOperatorsDoNot() {
        Graph g = Graph.builder()
                .addInput(new Value("a", A))
                .addConstant("w", Tensor.ofFloats(Shape.of(4, 3), new float[12]))
                .addNode(node("gemm", "Gemm", List.of("a", "w"), List.of("t"))).setType("t", Y)
                .addNode(node("r1", "Relu", List.of("t"), List.of("u"))).setType("u", Y)
                .addNode(node("r2", "Sigmoid", List.of("u"), List.of("v"))).setType("v", Y)
                .addNode(node("e", "Exp", List.of("v"), List.of("y"))).setType("y", Y)
                .addOutput(new Value("y", Y))
                .build();
        Graph once = new ActivationFusion().run(g);
        assertEquals(3, once.nodes().size());
        assertSame(once, new ActivationFusion().run(once));
        List<String> ops = new ArrayList<>();
        once.nodes().forEach(n -> ops.add(n.opType()));
        assertEquals(List.of("Gemm", "Sigmoid", "Exp"), ops);
    }

    @Test
    void reluAfterAnAddIsNotFused() {
        Graph g = Graph.builder()
                .addInput(new Value("a", Y))
                .addNode(node("add", "Add", List.of("a", "a"), List.of("t"))).setType("t", Y)
                .addNode(node("r", "Relu", List.of("t"), List.of("y"))).setType("y", Y)
                .addOutput(new Value("y", Y))
                .build();
        assertSame(g, new ActivationFusion().run(g));
        assertFalse(InternalAttributes.hasActivation(g.nodes().get(0)));
        assertNull(ActivationFusion.params(g, node("x", "Elu", List.of("t"), List.of("y"))));
    }
}
