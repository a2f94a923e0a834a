package dev.edgec.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void formatsFloatsWithSixSignificantDigits() {
        assertEquals("0", Numbers.format(0.0));
        assertEquals("-3", Numbers.format(-3.0));
        assertEquals("0.1", Numbers.format(0.1f));
        assertEquals("3.14159", Numbers.format(Math.PI));
        assertEquals("1e-5", Numbers.format(1e-5));
        assertEquals("1.23457e6", Numbers.format(1234567.5));
        assertEquals("nan", Numbers.format(Double.NaN));
        assertEquals("-inf", Numbers.format(Double.NEGATIVE_INFINITY));
    }

    @Test
    void formatsElementsByType() {
        assertEquals("18446744073709551615", Numbers.element(Tensor.ofLongs(DataType.UINT64, Shape.of(1), -1), 0));
        assertEquals("true", Numbers.element(Tensor.ofLongs(DataType.BOOL, Shape.of(1), 1), 0));
        assertEquals("-128", Numbers.element(Tensor.ofLongs(DataType.INT8, Shape.of(1), -128), 0));
    }

    @Test
    void summarisesWithArgmaxOnlyForScoreVectors() {
        Tensor scores = Tensor.ofFloats(Shape.of(1, 3), 0.1f, 0.7f, 0.2f);
        assertEquals(List.of("output 'p': float32[1x3]  min 0.1  max 0.7  mean 0.333333", "  values: [0.1, 0.7, 0.2]",
                "  argmax: 1"), TensorSummary.lines("p", scores));
        Tensor image = Tensor.ofFloats(Shape.of(2, 5), new float[10]);
        List<String> lines = TensorSummary.lines("img", image);
        assertEquals(2, lines.size());
        assertEquals("  values: [0, 0, 0, 0, 0, 0, 0, 0, ...] (first 8 of 10)", lines.get(1));
    }
}
