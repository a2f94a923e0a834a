package dev.edgec.opt.memory;

import java.util.Map;

/**
 * Offsets of tensors in one arena. {@code lowerBound} is the largest total size of tensors live at
 * the same step: no placement in this execution order can use less, so {@code size / lowerBound}
 * says how close the plan is to optimal.
 */
public record ArenaPlan(Map<String, Long> offsets, long size, long lowerBound) {
    public ArenaPlan {
        offsets = Map.copyOf(offsets);
    }

    public long offset(String name) {
        Long o = offsets.get(name);
        if (o == null) {
            throw new IllegalArgumentException("no arena slot for '" + name + "'");
        }
        return o;
    }
}
