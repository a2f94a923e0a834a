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

class ShapeChainSimplificationTest {
    private static Attribute perm(long... p) {
        return new Attribute.IntsAttr(java.util.Arrays.stream(p).boxed().toList());
    }

    private static TensorType f(int... dims) {
        return TensorType.of(DataType.FLOAT32, dims);
    }

    @Test
    void twoTransposesBecomeOneWithTheComposedPermutation() {
        Graph g = Graph.builder()
                .addInput(new Value("x", f(2, 3, 4)))
                .addNode(node("t1", "Transpose", List.of("x"), List.of("a"), Map.of("perm", perm(1, 2, 0)))).setType("a", f(3, 4, 2))
                .addNode(node("t2", "Transpose", List.of("a"), List.of("y"), Map.of("perm", perm(0, 2, 1)))).setType("y", f(3, 2, 4))
                .addOutput(new Value("y", f(3, 2, 4)))
                .build();
        Graph out = new DeadCodeElimination().run(new ShapeChainSimplification().run(g));
        assertEquals(1, out.nodes().size());
        Node t = out.nodes().get(0);
        assertEquals(List.of("x"), t.inputs());
        // y axis j is x axis p1[p2[j]]: [1, 0, 2], which gives shape [3, 2, 4]
        assertEquals(perm(1, 0, 2), t.attributes().get("perm"));
    }

    @Test
    void inverseTransposesCancelOut() {
        Graph g = Graph.builder()
                .addInput(new Value("x", f(2, 3)))
                .addNode(node("t1", "Transpose", List.of("x"), List.of("a"))).setType("a", f(3, 2))
                .addNode(node("t2", "Transpose", List.of("a"), List.of("b"))).setType("b", f(2, 3))
                .addNode(node("r", "Relu", List.of("b"), List.of("y"))).setType("y", f(2, 3))
                .addOutput(new Value("y", f(2, 3)))
                .build();
        Graph out = g;
        for (int i = 0; i < 4; i++) {
            out = new DeadCodeElimination().run(new IdentityElimination().run(new ShapeChainSimplification().run(out)));
        }
        assertEquals(1, out.nodes().size());
        assertEquals(List.of("x"), out.nodes().get(0).inputs());
    }

    @Test
    void anIdentityPermutationBecomesAnIdentity() {
        Graph g = Graph.builder()
                .addInput(new Value("x", f(2, 3)))
                .addNode(node("t", "Transpose", List.of("x"), List.of("y"), Map.of("perm", perm(0, 1)))).setType("y", f(2, 3))
                .addOutput(new Value("y", f(2, 3)))
                .build();
        assertEquals("Identity", new ShapeChainSimplification().run(g).nodes().get(0).opType());
    }

    @Test
    void aTransposedConstantIsFolded() {
        Graph g = Graph.builder()
                .addInput(new Value("x", f(3, 2)))
                .addConstant("c", Tensor.ofFloats(Shape.of(2, 3), 1, 2, 3, 4, 5, 6))
                .addNode(node("t", "Transpose", List.of("c"), List.of("ct"))).setType("ct", f(3, 2))
                .addNode(node("add", "Add", List.of("x", "ct"), List.of("y"))).setType("y", f(3, 2))
                .addOutput(new Value("y", f(3, 2)))
                .build();
        Graph out = new ShapeChainSimplification().run(g);
        assertEquals(1, out.nodes().size());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, out.constants().get("ct").toFloats());
        assertEquals(Shape.of(3, 2), out.constants().get("ct").shape());
    }

    @Test
    void aThreeDimensionalTransposeOfAConstantMovesEveryElement() {
        float[] v = new float[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Tensor t = ShapeChainSimplification.transposed(Tensor.ofFloats(Shape.of(2, 3, 4), v), new int[] {2, 0, 1});
        assertEquals(Shape.of(4, 2, 3), t.shape());
        float[] out = t.toFloats();
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(v[b * 12 + c * 4 + a], out[a * 6 + b * 3 + c]);
                }
            }
        }
    }

    @Test
    void aReshapeOfAReshapeReadsTheOriginalWithTheFinalShape() {
        Graph g = Graph.builder()
                .addInput(new Value("x", f(2, 3, 4)))
                .addConstant("s1", Tensor.ofLongs(DataType.INT64, Shape.of(2), 6, -1))
                .addConstant("s2", Tensor.ofLongs(DataType.INT64, Shape.of(3), 0, 2, 2))
                .addNode(node("r1", "Reshape", List.of("x", "s1"), List.of("a"))).setType("a", f(6, 4))
                .addNode(node("r2", "Reshape", List.of("a", "s2"), List.of("y"))).setType("y", f(6, 2, 2))
                .addOutput(new Value("y", f(6, 2, 2)))
                .build();
        Graph out = new DeadCodeElimination().run(new ShapeChainSimplification().run(g));
        assertEquals(1, out.nodes().size());
        Node r = out.nodes().get(0);
        assertEquals("x", r.input(0));
        assertArrayEquals(new long[] {6, 2, 2}, out.constants().get(r.input(1)).toLongs());
    }

    @Test
    void aReshapedConstantIsFoldedButAGraphOutputIsNot() {
        Graph g = Graph.builder()
                .addInput(new Value("x", f(3, 2)))
                .addConstant("c", Tensor.ofFloats(Shape.of(6), 1, 2, 3, 4, 5, 6))
                .addConstant("s", Tensor.ofLongs(DataType.INT64, Shape.of(2), 3, 2))
                .addNode(node("r", "Reshape", List.of("c", "s"), List.of("cr"))).setType("cr", f(3, 2))
                .addNode(node("add", "Add", List.of("x", "cr"), List.of("y"))).setType("y", f(3, 2))
                .addOutput(new Value("y", f(3, 2)))
                .build();
        Graph out = new ShapeChainSimplification().run(g);
        assertEquals(Shape.of(3, 2), out.constants().get("cr").shape());
        Graph kept = Graph.builder()
                .addConstant("c", Tensor.ofFloats(Shape.of(6), 1, 2, 3, 4, 5, 6))
                .addConstant("s", Tensor.ofLongs(DataType.INT64, Shape.of(2), 3, 2))
                .addNode(node("r", "Reshape", List.of("c", "s"), List.of("y"))).setType("y", f(3, 2))
                .addOutput(new Value("y", f(3, 2)))
                .build();
        assertSame(kept, new ShapeChainSimplification().run(kept));
    }
}
