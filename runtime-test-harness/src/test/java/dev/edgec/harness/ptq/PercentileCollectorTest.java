package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.MinMaxCollector;
import dev.edgec.core.quant.ptq.PercentileCollector;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Min/max and percentile calibration statistics. */
class PercentileCollectorTest {
    /** 0, 1, …, 9999 and one outlier at 1e6 (or −1e6). */
    private static Tensor valuesWithOutlier(double outlier) {
        float[] v = new float[10_001];
        for (int i = 0; i < 10_000; i++) {
            v[i] = i;
        }
        v[10_000] = (float) outlier;
        return Tensor.ofFloats(Shape.of(v.length), v);
    }

    @Test
    void minMaxSeesEverySample() {
        MinMaxCollector c = new MinMaxCollector();
        c.observe("a", Tensor.ofFloats(Shape.of(3), 1, 2, 3));
        c.observe("a", Tensor.ofFloats(Shape.of(2), -5, 0));
        c.observe("b", Tensor.ofFloats(Shape.of(1), Float.NaN));
        assertEquals(Map.of("a", new ActivationRange(-5, 3), "b", new ActivationRange(0, 0)), c.ranges());
    }

    /**
     * An activation that overflows to ±infinity on a sample sets no bound (found by fuzzing: an infinite
     * range gave an infinite scale and crashed the quantizer); the finite values set the range, and the
     * quantized model saturates the infinite ones.
     */
    @Test
    void infinitiesSetNoBound() {
        MinMaxCollector c = new MinMaxCollector();
        c.observe("a", Tensor.ofFloats(Shape.of(4), 1, Float.POSITIVE_INFINITY, -2, Float.NEGATIVE_INFINITY));
        c.observe("b", Tensor.ofFloats(Shape.of(1), Float.POSITIVE_INFINITY));
        assertEquals(Map.of("a", new ActivationRange(-2, 1), "b", new ActivationRange(0, 0)), c.ranges());
        PercentileCollector p = new PercentileCollector(c.ranges());
        p.observe("a", Tensor.ofFloats(Shape.of(4), 1, Float.POSITIVE_INFINITY, -2, Float.NEGATIVE_INFINITY));
        assertEquals(new ActivationRange(-2, 1), p.ranges(100).get("a"));
        assertTrue(Double.isFinite(c.ranges().get("a").int8().scale()));
    }

    @Test
    void percentileClipsARareOutlier() {
        MinMaxCollector minMax = new MinMaxCollector();
        Tensor t = valuesWithOutlier(1e6);
        minMax.observe("a", t);
        assertEquals(1e6, minMax.ranges().get("a").max());
        PercentileCollector p = new PercentileCollector(minMax.ranges());
        p.observe("a", t);
        ActivationRange r = p.ranges(99.99).get("a");
        assertEquals(0, r.min());
        // Bins are 1e6 / 4096 ≈ 244 wide: the clipped bound is the top of the bin that holds 9999.
        assertTrue(r.max() >= 9999 && r.max() <= 9999 + 1e6 / 4096, r.toString());
    }

    @Test
    void percentileClipsTheLowTailToo() {
        MinMaxCollector minMax = new MinMaxCollector();
        Tensor t = valuesWithOutlier(-1e6);
        minMax.observe("a", t);
        PercentileCollector p = new PercentileCollector(minMax.ranges());
        p.observe("a", t);
        ActivationRange r = p.ranges(99.99).get("a");
        assertTrue(r.min() <= 0 && r.min() >= -1.01e6 / 4096, r.toString());
        assertEquals(9999, r.max());
    }

    @Test
    void percentile100KeepsTheWholeRange() {
        MinMaxCollector minMax = new MinMaxCollector();
        Tensor t = valuesWithOutlier(1e6);
        minMax.observe("a", t);
        PercentileCollector p = new PercentileCollector(minMax.ranges());
        p.observe("a", t);
        assertEquals(minMax.ranges().get("a"), p.ranges(100).get("a"));
    }
}
