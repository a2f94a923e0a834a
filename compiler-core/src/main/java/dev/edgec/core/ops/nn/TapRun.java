package dev.edgec.core.ops.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Outputs {@code [lo, hi)} of one spatial dimension whose windows all read the same taps inside the
 * input, {@code [first, first + count)}: the interior of a dimension is one run, each output near the
 * padding another. A window kernel gives every combination of runs its own body, clipped to those taps.
 */
public record TapRun(int lo, int hi, int first, int count) {
    /** The runs of dimension {@code i}, in output order. */
    public static List<TapRun> of(WindowGeometry g, int i) {
        List<TapRun> out = new ArrayList<>();
        int lo = 0;
        for (int o = 1; o <= g.output()[i]; o++) {
            if (o == g.output()[i] || g.firstTap(i, o) != g.firstTap(i, lo) || g.validTaps(i, o) != g.validTaps(i, lo)) {
                out.add(new TapRun(lo, o, g.firstTap(i, lo), g.validTaps(i, lo)));
                lo = o;
            }
        }
        return out;
    }
}
