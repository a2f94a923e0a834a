package dev.edgec.opt.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places tensors in one arena by lifetime, with two strategies, keeping the smaller plan:
 * <ul>
 *   <li>greedy by size: largest tensors first, each at the lowest aligned offset that does not
 *   collide with an already placed tensor whose lifetime overlaps (a known good heuristic for
 *   static graphs);</li>
 *   <li>alternating ends in execution order: each tensor goes to the bottom or to the top of the
 *   lower-bound-sized arena, opposite to the latest-starting tensor it overlaps. Greedy by size can
 *   miss the optimum on a plain chain of layers (input x and t1..t3 of 4 bytes, output t4 of 8, each
 *   one 16-byte slot: t4 is placed first at 0 and the plan takes 64 bytes instead of 48);
 *   alternating is exactly optimal for chains, whose consecutive tensors pair up.</li>
 * </ul>
 */
public final class ArenaPlanner {
    private ArenaPlanner() {
    }

    public static ArenaPlan plan(List<TensorLifetime> tensors, int alignment) {
        long lowerBound = lowerBound(tensors, alignment);
        Map<String, Long> bySize = greedyBySize(tensors, alignment);
        Map<String, Long> alternating = alternatingEnds(tensors, alignment, lowerBound);
        long sizeA = size(tensors, bySize, alignment);
        long sizeB = size(tensors, alternating, alignment);
        return sizeB < sizeA ? new ArenaPlan(alternating, sizeB, lowerBound) : new ArenaPlan(bySize, sizeA, lowerBound);
    }

    private static Map<String, Long> greedyBySize(List<TensorLifetime> tensors, int alignment) {
        List<TensorLifetime> order = new ArrayList<>(tensors);
        order.sort(Comparator.comparingLong(TensorLifetime::bytes).reversed()
                .thenComparingInt(TensorLifetime::first)
                .thenComparing(TensorLifetime::name));
        Map<String, Long> offsets = new HashMap<>();
        List<TensorLifetime> placed = new ArrayList<>();
        for (TensorLifetime t : order) {
            offsets.put(t.name(), lowestFit(busy(t, placed, offsets, alignment), align(t.bytes(), alignment)));
            placed.add(t);
        }
        return offsets;
    }

    private static Map<String, Long> alternatingEnds(List<TensorLifetime> tensors, int alignment, long bound) {
        List<TensorLifetime> order = new ArrayList<>(tensors);
        order.sort(Comparator.comparingInt(TensorLifetime::first)
                .thenComparing(Comparator.comparingInt(TensorLifetime::last).reversed())
                .thenComparing(TensorLifetime::name));
        Map<String, Long> offsets = new HashMap<>();
        Map<String, Boolean> atTop = new HashMap<>();
        List<TensorLifetime> placed = new ArrayList<>();
        for (TensorLifetime t : order) {
            long need = align(t.bytes(), alignment);
            List<long[]> busy = busy(t, placed, offsets, alignment);
            TensorLifetime latest = null;
            for (TensorLifetime p : placed) {
                if (p.overlaps(t) && (latest == null || p.first() > latest.first())) {
                    latest = p;
                }
            }
            boolean wantTop = latest != null && !atTop.get(latest.name());
            long bottom = lowestFit(busy, need);
            long top = highestFitBelow(busy, need, bound, alignment);
            long offset;
            boolean top0;
            if (wantTop && top >= 0) {
                offset = top;
                top0 = true;
            } else if (bottom + need <= bound || top < 0) {
                offset = bottom;
                top0 = false;
            } else {
                offset = top;
                top0 = true;
            }
            offsets.put(t.name(), offset);
            atTop.put(t.name(), top0);
            placed.add(t);
        }
        return offsets;
    }

    /** Byte ranges of already placed tensors whose lifetimes overlap {@code t}'s, sorted by start. */
    private static List<long[]> busy(TensorLifetime t, List<TensorLifetime> placed, Map<String, Long> offsets, int alignment) {
        List<long[]> busy = new ArrayList<>();
        for (TensorLifetime p : placed) {
            if (p.overlaps(t)) {
                long o = offsets.get(p.name());
                busy.add(new long[] {o, o + align(p.bytes(), alignment)});
            }
        }
        busy.sort(Comparator.comparingLong(b -> b[0]));
        return busy;
    }

    private static long lowestFit(List<long[]> busy, long need) {
        long candidate = 0;
        for (long[] b : busy) {
            if (candidate + need <= b[0]) {
                break;
            }
            candidate = Math.max(candidate, b[1]);
        }
        return candidate;
    }

    /**
     * The highest aligned offset with {@code offset + need <= bound} that collides with nothing, or -1.
     * One pass from the highest start down ({@code busy} is sorted by start): after a move below
     * range b, every range seen before starts at or above b, so none of them can collide again.
     * (Repeating whole passes until nothing moved was cubic: 2000 inputs took a minute.)
     */
    private static long highestFitBelow(List<long[]> busy, long need, long bound, int alignment) {
        long o = Math.floorDiv(bound - need, alignment) * alignment;
        for (int i = busy.size() - 1; i >= 0 && o >= 0; i--) {
            long[] b = busy.get(i);
            if (o < b[1] && b[0] < o + need) {
                o = Math.floorDiv(b[0] - need, alignment) * alignment;
            }
        }
        return o >= 0 ? o : -1;
    }

    private static long size(List<TensorLifetime> tensors, Map<String, Long> offsets, int alignment) {
        long size = 0;
        for (TensorLifetime t : tensors) {
            size = Math.max(size, offsets.get(t.name()) + align(t.bytes(), alignment));
        }
        return size;
    }

    /** The largest sum of aligned sizes of tensors live at one step. */
    public static long lowerBound(List<TensorLifetime> tensors, int alignment) {
        int maxStep = tensors.stream().mapToInt(TensorLifetime::last).max().orElse(-1);
        // a sweep over steps: +size where a lifetime starts, -size after it ends (linear, not steps x tensors)
        long[] delta = new long[maxStep + 2];
        for (TensorLifetime t : tensors) {
            int from = Math.max(0, t.first());
            if (from <= t.last()) {
                delta[from] += align(t.bytes(), alignment);
                delta[t.last() + 1] -= align(t.bytes(), alignment);
            }
        }
        long best = 0;
        long sum = 0;
        for (int step = 0; step <= maxStep; step++) {
            sum += delta[step];
            best = Math.max(best, sum);
        }
        return best;
    }

    static long align(long v, int alignment) {
        return (v + alignment - 1) / alignment * alignment;
    }
}
