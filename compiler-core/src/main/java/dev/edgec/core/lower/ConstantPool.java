package dev.edgec.core.lower;

import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Places the constants that kernels read into data segments after the arena, the first time a
 * kernel asks for one, so constants only used at compile time (shapes, axes) cost no bytes.
 * Identical constants share one copy. Each placement's bytes, alignment padding included, are
 * charged to the node being lowered when it is placed ({@link #owner}), so the charges add up to
 * {@link #bytes()}.
 */
final class ConstantPool {
    static final int ALIGNMENT = 16;

    private final long start;
    private final Map<Tensor, Integer> placed = new LinkedHashMap<>();
    private final Map<String, Long> bytesByOwner = new LinkedHashMap<>();
    private String owner = "";
    private long end;

    ConstantPool(long start) {
        this.start = start;
        this.end = start;
    }

    /** The node that the constants placed from now on are charged to. */
    void owner(String node) {
        owner = node;
    }

    int address(Tensor t) {
        Integer at = placed.get(t);
        if (at == null) {
            long aligned = (end + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
            if (aligned + t.type().byteSize() > MemoryLimits.MAX_MEMORY_BYTES) {
                throw new LimitExceededException("the model's constants do not fit in a 4 GiB wasm memory");
            }
            at = (int) aligned;
            placed.put(t, at);
            long next = aligned + t.type().byteSize();
            bytesByOwner.merge(owner, next - end, Long::sum);
            end = next;
        }
        return at;
    }

    long end() {
        return end;
    }

    long bytes() {
        return end - start;
    }

    Map<Tensor, Integer> placements() {
        return placed;
    }

    /** Bytes placed while each node was the {@link #owner}, padding included. */
    Map<String, Long> bytesByOwner() {
        return bytesByOwner;
    }
}
