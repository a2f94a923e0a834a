package dev.edgec.opt.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places tensors in one arena by lifetime. Largest tensors are placed first, each at the lowest
 * aligned offset that does not collide with an already placed tensor whose lifetime overlaps
 * (greedy by size, a known good heuristic for static graphs).
 */
public final class ArenaPlanner {
    private ArenaPlanner() {
    }

    public static ArenaPlan plan(List<TensorLifetime> tensors, int alignment) {
        List<TensorLifetime> order = new ArrayList<>(tensors);
        order.sort(Comparator.comparingLong(TensorLifetime::bytes).reversed()
                .thenComparingInt(TensorLifetime::first)
                .thenComparing(TensorLifetime::name));
        Map<String, Long> offsets = new HashMap<>();
        List<TensorLifetime> placed = new ArrayList<>();
        long size = 0;
        for (TensorLifetime t : order) {
            List<long[]> busy = new ArrayList<>();
            for (TensorLifetime p : placed) {
                if (p.overlaps(t)) {
                    long o = offsets.get(p.name());
                    busy.add(new long[] {o, o + align(p.bytes(), alignment)});
                }
            }
            busy.sort(Comparator.comparingLong(b -> b[0]));
            long candidate = 0;
            long need = align(t.bytes(), alignment);
            for (long[] b : busy) {
                if (candidate + need <= b[0]) {
                    break;
                }
                candidate = Math.max(candidate, b[1]);
            }
            offsets.put(t.name(), candidate);
            placed.add(t);
            size = Math.max(size, candidate + need);
        }
        return new ArenaPlan(offsets, size, lowerBound(tensors, alignment));
    }

    /** The largest sum of aligned sizes of tensors live at one step. */
    public static long lowerBound(List<TensorLifetime> tensors, int alignment) {
        int maxStep = tensors.stream().mapToInt(TensorLifetime::last).max().orElse(-1);
        long best = 0;
        for (int step = 0; step <= maxStep; step++) {
            long sum = 0;
            for (TensorLifetime t : tensors) {
                if (t.first() <= step && step <= t.last()) {
                    sum += align(t.bytes(), alignment);
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    static long align(long v, int alignment) {
        return (v + alignment - 1) / alignment * alignment;
    }
}
