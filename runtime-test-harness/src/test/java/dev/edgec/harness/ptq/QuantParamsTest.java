package dev.edgec.harness.ptq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.core.quant.ptq.ActivationRange;
import dev.edgec.core.quant.ptq.QuantParams;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The scale and zero-point arithmetic of post-training quantization. */
class QuantParamsTest {
    @Test
    void symmetricRangeGetsZeroPointNearTheMiddle() {
        QuantParams p = QuantParams.asymmetricInt8(-1, 1);
        assertEquals(2f / 255, p.scale(), 1e-9);
        // −128 + 1/scale is −0.5 less a float32 rounding: the zero point lands on −1.
        assertEquals(-1, p.zeroPoint());
    }

    @Test
    void nonNegativeRangeStartsAtMinus128() {
        QuantParams p = QuantParams.asymmetricInt8(0, 6);
        assertEquals(6f / 255, p.scale(), 1e-9);
        assertEquals(-128, p.zeroPoint());
        assertEquals(127, p.quantize(6));
        assertEquals(-128, p.quantize(-3), "saturates below the range");
    }

    @Test
    void rangeIsWidenedToIncludeZero() {
        assertEquals(QuantParams.asymmetricInt8(0, 5), QuantParams.asymmetricInt8(2, 5));
        QuantParams negative = QuantParams.asymmetricInt8(-4, -1);
        assertEquals(4f / 255, negative.scale(), 1e-9);
        assertEquals(127, negative.zeroPoint());
        assertEquals(new ActivationRange(-4, 0).int8(), negative);
    }

    @Test
    void emptyRangeGetsScaleOne() {
        assertEquals(new QuantParams(1f, 0), QuantParams.asymmetricInt8(0, 0));
        assertEquals(new QuantParams(1f, 0), QuantParams.symmetricInt8(0));
    }

    @Test
    void symmetricWeightsUseMinus127To127() {
        QuantParams p = QuantParams.symmetricInt8(1.27);
        assertEquals(0.01f, p.scale(), 1e-9);
        assertEquals(0, p.zeroPoint());
        assertEquals(127, p.quantize(1.27));
        assertEquals(-127, p.quantize(-1.27));
    }

    @Test
    void quantizeRoundsHalfToEvenAsQuantizeLinear() {
        QuantParams p = new QuantParams(1f, 0);
        assertEquals(2, p.quantize(2.5));
        assertEquals(4, p.quantize(3.5));
        assertEquals(-2, p.quantize(-2.5));
    }

    @Test
    void badScaleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QuantParams(0f, 0));
        assertThrows(IllegalArgumentException.class, () -> new ActivationRange(2, 1));
    }

    @Property(tries = 200)
    void zeroIsExactAndEveryValueInRangeIsWithinHalfAStep(@ForAll @DoubleRange(min = -100, max = 0) double lo,
            @ForAll @DoubleRange(min = 0, max = 100) double hi, @ForAll @DoubleRange(min = 0, max = 1) double t) {
        QuantParams p = QuantParams.asymmetricInt8(lo, hi);
        assertEquals(0.0, p.dequantize(p.quantize(0)), 0.0);
        double x = lo + t * (hi - lo);
        // The zero point is rounded, so the range may move by up to half a step at either end.
        assertTrue(Math.abs(p.dequantize(p.quantize(x)) - x) <= p.scale() * 1.0001, x + " with " + p);
    }
}
