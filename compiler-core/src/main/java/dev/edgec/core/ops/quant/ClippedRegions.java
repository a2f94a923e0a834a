package dev.edgec.core.ops.quant;

import dev.edgec.core.ops.nn.ConvOp;
import dev.edgec.core.ops.nn.TapRun;
import dev.edgec.core.ops.nn.WindowGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * The regions of an integer convolution's outputs whose windows keep the same taps inside the input
 * (every combination of one {@link TapRun} per spatial dimension), and what clipping the border
 * windows to their taps costs and saves against the alternatives (a zero-point-padded copy of X, or
 * the range-checked loop). Compile-time only: {@link IntegerConvKernel} emits the regions.
 */
final class ClippedRegions {
    /** Estimated code bytes per unrolled tap: local.get, load with offset, then a weight local or load, mul, add. */
    private static final int LOCAL_TAP_BYTES = 7;
    private static final int LOADED_TAP_BYTES = 12;
    /** Taps per unrolled block of a border region's window (see {@link #borderChannels}). */
    private static final int BORDER_BLOCK_TAPS = 16;
    /** Estimated instructions per block iteration of a border window (pointer and loop updates). */
    private static final int BLOCK_INSTRUCTIONS = 16;
    /** Estimated code bytes per region's loop nest, start and output store. */
    private static final int REGION_BYTES = 40;
    /** Estimated code bytes of the padded copy (fill and row copies) that clipping removes. */
    private static final int COPY_BYTES = 120;
    /** Estimated instructions per tap of the range-checked loop. */
    private static final int CHECKED_TAP_INSTRUCTIONS = 48;
    /**
     * Fewest executed instructions a clipped region must save per byte it adds to the module: keeps
     * the code of large-map layers (few border outputs) as it was.
     */
    private static final int MIN_SAVED_PER_BYTE = 200;

    /**
     * Test hook: a system property that, set to {@code always} or {@code never}, overrides the estimate,
     * so that tests run both kernels on the same small shapes.
     */
    static final String FORCE_PROPERTY = "edgec.clipBorders";

    final List<List<TapRun>> runs = new ArrayList<>();
    private final WindowGeometry g;
    private final int rank;

    ClippedRegions(WindowGeometry g) {
        this.g = g;
        this.rank = g.rank();
        for (int i = 0; i < rank; i++) {
            runs.add(TapRun.of(g, i));
        }
    }

    /**
     * Channels unrolled per block of a border region's window of {@code taps} taps: the most that divide
     * the group within {@link #BORDER_BLOCK_TAPS} taps (fewer than the interior's: border regions are
     * many and their outputs few, so their code is kept small).
     */
    static int borderChannels(int channelsPerGroup, int taps) {
        int unroll = 1;
        for (int u = 1; u <= channelsPerGroup; u++) {
            if (channelsPerGroup % u == 0 && u * taps <= BORDER_BLOCK_TAPS) {
                unroll = u;
            }
        }
        return unroll;
    }

    /** Number of run combinations (regions). */
    int count() {
        int n = 1;
        for (List<TapRun> r : runs) {
            n *= r.size();
        }
        return n;
    }

    /** The runs of region {@code index}, dimension 0 most significant. */
    TapRun[] region(int index) {
        TapRun[] chosen = new TapRun[rank];
        for (int i = rank - 1; i >= 0; i--) {
            chosen[i] = runs.get(i).get(index % runs.get(i).size());
            index /= runs.get(i).size();
        }
        return chosen;
    }

    /** Index of the region whose runs are {@code chosen} (see {@link #region}). */
    int indexOf(TapRun[] chosen) {
        int index = 0;
        for (int i = 0; i < rank; i++) {
            index = index * runs.get(i).size() + runs.get(i).indexOf(chosen[i]);
        }
        return index;
    }

    static int taps(TapRun[] chosen) {
        int t = 1;
        for (TapRun r : chosen) {
            t *= r.count();
        }
        return t;
    }

    static int outputs(TapRun[] chosen) {
        int o = 1;
        for (TapRun r : chosen) {
            o *= r.hi() - r.lo();
        }
        return o;
    }

    /** Whether region {@code chosen} reads the whole kernel (its windows touch no padding). */
    boolean full(TapRun[] chosen) {
        for (int i = 0; i < rank; i++) {
            if (chosen[i].count() != g.kernel()[i]) {
                return false;
            }
        }
        return true;
    }

    /** Kernel tap indices (row-major in the kernel) of region {@code chosen}'s taps, in emission order. */
    int[] kernelTaps(TapRun[] chosen) {
        int[] out = new int[taps(chosen)];
        for (int t = 0; t < out.length; t++) {
            int rest = t;
            int index = 0;
            int stride = 1;
            for (int i = rank - 1; i >= 0; i--) {
                int ti = rest % chosen[i].count();
                rest /= chosen[i].count();
                index += (chosen[i].first() + ti) * stride;
                stride *= g.kernel()[i];
            }
            out[t] = index;
        }
        return out;
    }

    /**
     * Whether clipping the border windows (no padded copy, no checked loop) executes fewer instructions
     * by enough per byte of code and start tables it adds. A plan-only estimate, so that
     * {@link IntegerConvKernel#paddedInputBytes} and the kernel agree.
     *
     * @param padded whether the alternative is the padded copy (else the checked loop)
     * @param blockChannels channels unrolled together per block of the folded window
     * @param weightLocals whether the filter's weights sit in locals (region starts computed from them)
     */
    boolean pays(ConvOp.Plan p, boolean padded, int blockChannels, boolean weightLocals, long copyInstructions) {
        int kv = 1;
        for (int kd : g.kernel()) {
            kv *= kd;
        }
        int cg = p.channelsPerGroup();
        int tapInstructions = weightLocals ? 5 : 6;
        long savedPerFilter = 0;
        long addedBytes = -(padded ? COPY_BYTES : 0);
        int border = 0;
        for (int r = 0; r < count(); r++) {
            TapRun[] chosen = region(r);
            if (full(chosen)) {
                continue;
            }
            border++;
            int taps = taps(chosen);
            long outs = outputs(chosen);
            long before = padded ? (long) kv * tapInstructions : (long) kv * CHECKED_TAP_INSTRUCTIONS;
            int channels = weightLocals ? cg : borderChannels(cg, taps);
            long blockCost = cg / channels > 1 ? (long) cg / channels * BLOCK_INSTRUCTIONS : 0;
            savedPerFilter += outs * (before * cg - (long) taps * cg * tapInstructions - blockCost);
            addedBytes += (long) taps * channels * (weightLocals ? LOCAL_TAP_BYTES : LOADED_TAP_BYTES) + REGION_BYTES;
            if (weightLocals) {
                savedPerFilter -= 2L * (kv - taps) * cg + 4;
                addedBytes += 3L * (kv - taps) * cg + 8;
            } else {
                savedPerFilter -= 4;
                addedBytes += 4L * p.filters() + 6;
            }
        }
        if (border == 0) {
            return false;
        }
        String forced = System.getProperty(FORCE_PROPERTY);
        if (forced != null && !forced.isEmpty()) {
            return forced.equals("always");
        }
        long saved = savedPerFilter * p.filters() * p.batch() + (padded ? copyInstructions : 0);
        return saved > 0 && saved >= MIN_SAVED_PER_BYTE * Math.max(1, addedBytes);
    }
}
