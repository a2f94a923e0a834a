package dev.edgec.harness.fuzz;

import java.util.Random;

/** Edge values for integers: sizes, axes and indices that break naive arithmetic. */
final class Interesting {
    private static final long[] LONGS = {0, -1, 1, 2, 3, 7, 64, -64, 255, 65536, 1L << 31, (1L << 31) - 1,
        -(1L << 31), 1L << 32, (1L << 32) - 1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40, 1L << 62, -2, -3, 100000};

    private Interesting() {
    }

    /** Mostly small values around zero (axes, ranks), otherwise an edge value. */
    static long pickLong(Random r) {
        return r.nextInt(3) == 0 ? r.nextInt(100) - 50 : LONGS[r.nextInt(LONGS.length)];
    }
}
