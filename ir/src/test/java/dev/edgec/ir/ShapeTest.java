package dev.edgec.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void stridesAreRowMajor() {
        assertArrayEquals(new int[] {60, 20, 5, 1}, Shape.of(2, 3, 4, 5).strides());
        assertArrayEquals(new int[] {1}, Shape.of(7).strides());
        assertArrayEquals(new int[0], Shape.scalar().strides());
        assertArrayEquals(new int[] {0, 3, 1}, Shape.of(2, 0, 3).strides());
    }

    @Test
    void elementCount() {
        assertEquals(120, Shape.of(2, 3, 4, 5).elementCount());
        assertEquals(1, Shape.scalar().elementCount());
        assertEquals(0, Shape.of(3, 0, 5).elementCount());
        assertEquals(Integer.MAX_VALUE, Shape.of(Integer.MAX_VALUE).elementCount());
    }

    @Test
    void overflowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Shape.of(1 << 16, 1 << 16));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(-1));
        // exactly 2^31 elements does not fit the int element count
        assertThrows(IllegalArgumentException.class, () -> Shape.of(1 << 16, 1 << 15));
        assertThrows(IllegalArgumentException.class, () -> Shape.ofLongs(1L << 31));
        assertThrows(IllegalArgumentException.class, () -> Shape.ofLongs(1L << 40, 0));
        assertThrows(IllegalArgumentException.class, () -> Shape.ofLongs(-1));
        assertThrows(IllegalArgumentException.class, () -> Shape.ofLongs(Long.MAX_VALUE, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Shape.ofLongs(1 << 20, 1 << 20, 1 << 20));
        assertEquals(Shape.of(3, 0, 1 << 29), Shape.ofLongs(3, 0, 1 << 29));
    }

    @Test
    void normalizeAxis() {
        Shape s = Shape.of(2, 3, 4);
        assertEquals(0, s.normalizeAxis(0));
        assertEquals(2, s.normalizeAxis(2));
        assertEquals(2, s.normalizeAxis(-1));
        assertEquals(0, s.normalizeAxis(-3));
        assertThrows(IllegalArgumentException.class, () -> s.normalizeAxis(3));
        assertThrows(IllegalArgumentException.class, () -> s.normalizeAxis(-4));
        assertThrows(IllegalArgumentException.class, () -> s.normalizeAxis(Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> s.normalizeAxis(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> s.normalizeAxis(1L << 32));
        assertEquals(3, Shape.normalizeAxis(-1, 4));
    }

    @Test
    void equalityAndText() {
        assertEquals(Shape.of(1, 3), Shape.of(1, 3));
        assertEquals(Shape.of(1, 3).hashCode(), Shape.of(1, 3).hashCode());
        assertEquals("1x3x224x224", Shape.of(1, 3, 224, 224).toString());
        assertEquals("scalar", Shape.scalar().toString());
        int[] dims = {2, 3};
        Shape s = Shape.of(dims);
        dims[0] = 9;
        assertEquals(2, s.dim(0), "shape copies its dims");
        s.dims()[1] = 9;
        assertEquals(3, s.dim(1));
    }
}
