package dev.edgec.opt.pass;

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

class RowMajorWeightsTest {
    /** B = [[1, 2, 3], [4, 5, 6]]: K = 2 rows, N = 3 columns. */
    private static final Tensor B = Tensor.ofFloats(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f);

    private static Graph single(String op, int aRank, int opset, Map<String, Attribute> attrs) {
        TensorType a = aRank == 2 ? TensorType.of(DataType.FLOAT32, 1, 2) : TensorType.of(DataType.FLOAT32, 4, 1, 2);
        TensorType y = aRank == 2 ? TensorType.of(DataType.FLOAT32, 1, 3) : TensorType.of(DataType.FLOAT32, 4, 1, 3);
        return Graph.builder().addInput(new Value("a", a)).addConstant("b", B)
                .addNode(new Node("n", "", op, opset, List.of("a", "b"), List.of("y"), attrs)).setType("y", y)
                .addOutput(new Value("y", y)).build();
    }

    @Test
    void aGemmReadsItsWeightsTransposed() {
        Graph out = new RowMajorWeights().run(single("Gemm", 2, 13, Map.of()));
        Node gemm = out.nodes().get(0);
        assertEquals(new Attribute.IntAttr(1), gemm.attributes().get("transB"));
        // column c of B is now row c
        assertArrayEquals(new float[] {1f, 4f, 2f, 5f, 3f, 6f}, out.constants().get(gemm.input(1)).toFloats());
        assertEquals(Shape.of(3, 2), out.constants().get(gemm.input(1)).shape());
    }

    @Test
    void aTwoDimensionalMatMulBecomesAGemm() {
        Graph out = new RowMajorWeights().run(single("MatMul", 2, 13, Map.of()));
        Node gemm = out.nodes().get(0);
        assertEquals("Gemm", gemm.opType());
        assertEquals(List.of("y"), gemm.outputs());
        assertArrayEquals(new float[] {1f, 4f, 2f, 5f, 3f, 6f}, out.constants().get(gemm.input(1)).toFloats());
    }

    @Test
    void whatIsAlreadyRowMajorOrCannotBeAGemmStays() {
        Graph transposed = single("Gemm", 2, 13, Map.of("transB", new Attribute.IntAttr(1)));
        assertSame(transposed, new RowMajorWeights().run(transposed));
        Graph batched = single("MatMul", 3, 13, Map.of());
        assertSame(batched, new RowMajorWeights().run(batched));
        // a Gemm without C does not exist before opset 11
        Graph old = single("MatMul", 2, 9, Map.of());
        assertSame(old, new RowMajorWeights().run(old));
    }
}
