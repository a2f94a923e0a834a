package dev.edgec.core.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Corrupted models (random byte edits of a valid one) may import or fail, but only with an
 * {@link EdgecException}. 200,000 edits found a Constant node without outputs crashing the importer
 * with an index error; this keeps 10,000 of them as a regression run.
 */
class ImporterFuzzTest {
    @Test
    void corruptedModelsFailOnlyWithEdgecExceptions() {
        OnnxBuilder b = new OnnxBuilder("m", 13);
        String x = b.inputSymbolic("x", DataType.FLOAT32, "N", 3);
        String w = b.initializer("w", Tensor.ofFloats(Shape.of(3), 1, 2, 3));
        b.nodeWithOutputs("Constant", List.of(), List.of("c"), "value_floats", new float[] {1, 2, 3});
        b.nodeWithOutputs("Constant", List.of(), List.of("d"), "value", Tensor.ofLongs(DataType.INT64, Shape.of(1), 2));
        String s = b.node("Add", List.of(x, w));
        String t = b.node("Add", List.of(s, "c"));
        b.output(b.node("Relu", List.of(t)), DataType.FLOAT32, 2, 3);
        byte[] good = b.toBytes();
        ImportOptions opts = new ImportOptions(Map.of("x", new long[] {2, 3}), Map.of(), null, 1 << 20);
        Imports.importer(opts).importModel(good);
        Random r = new Random(99);
        Map<String, Integer> bad = new TreeMap<>();
        for (int k = 0; k < 10_000; k++) {
            byte[] m = good.clone();
            int edits = 1 + r.nextInt(4);
            for (int j = 0; j < edits; j++) {
                int at = r.nextInt(m.length);
                switch (r.nextInt(3)) {
                    case 0 -> m[at] = (byte) r.nextInt(256);
                    case 1 -> m[at] ^= (byte) (1 << r.nextInt(8));
                    default -> m[at] = (byte) (r.nextBoolean() ? 0xFF : 0x7F);
                }
            }
            try {
                Imports.importer(opts).importModel(m);
            } catch (EdgecException expected) {
                // fine
            } catch (RuntimeException e) {
                bad.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
            }
        }
        assertTrue(bad.isEmpty(), bad.toString());
    }
}
