package dev.edgec.ir;

import java.util.Arrays;

/**
 * A static tensor shape. Every dimension is known at compile time (DESIGN.md: symbolic dimensions
 * are fixed before the IR is built), so a shape is just a list of non-negative ints.
 */
public final class Shape {
    /**
     * Largest element count edgec accepts for one tensor: counts and dimensions are ints, so 2^31 - 1
     * (2^31 itself would turn negative in {@link #elementCount()}).
     */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE;

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    public static Shape scalar() {
        return SCALAR;
    }

    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
            }
        }
        Shape s = new Shape(dims.clone());
        s.checkedElementCount();
        return s;
    }

    /** Builds a shape from 64-bit dimensions, rejecting those that do not fit a 32-bit memory. */
    public static Shape ofLongs(long... dims) {
        int[] d = new int[dims.length];
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0 || dims[i] > MAX_ELEMENTS) {
                throw new IllegalArgumentException("dimension " + dims[i] + " is out of range");
            }
            d[i] = (int) dims[i];
            count = Math.multiplyExact(count, Math.max(1, dims[i]));
            if (count > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has too many elements");
            }
        }
        return new Shape(d);
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int axis) {
        return dims[axis];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements; fits an int because construction bounds it by {@link #MAX_ELEMENTS}. */
    public int elementCount() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return (int) n;
    }

    private void checkedElementCount() {
        long n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, (long) Math.max(d, 1));
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("shape " + this + " has too many elements");
            }
        }
    }

    /** Row-major element strides. */
    public int[] strides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** Normalises a possibly negative axis against this rank, as ONNX attributes allow. */
    public int normalizeAxis(long axis) {
        return normalizeAxis(axis, dims.length);
    }

    public static int normalizeAxis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return (int) a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Shapes print as {@code 1x3x224x224}; a scalar prints as {@code scalar}. */
    @Override
    public String toString() {
        if (dims.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(dims[i]);
        }
        return sb.toString();
    }
}
