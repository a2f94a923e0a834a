package dev.edgec.core.lower;

import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the constants that kernels read after the arena, the first time a kernel asks for one, so constants only used at compile time (shapes, axes) cost no bytes.
 * Identical constants share one copy. Each placement's bytes, alignment padding included, are
 * charged to the node being lowered when it is placed ({@link #owner}), so the charges add up to
 * {@link #bytes()}.
 */
final class ConstantPool {
    static final int ALIGNMENT = 16;
    /** Longest run of zero bytes written inside a data segment rather than skipped (see {@link #segments}). */
    static final int MAX_ZERO_RUN = 6;

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

    /**
     * The placed constants as data segments. Memory starts zeroed, so zero bytes need no segment: a
     * run of more than {@link #MAX_ZERO_RUN} zeros (alignment padding included) ends a segment, and a
     * shorter run is written inside one, which is cheaper than the next segment's header (flags, offset
     * expression and length: at least 6 bytes).
     */
    List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long segStart = -1;
        long zeros = 0;
        long next = start;
        for (Map.Entry<Tensor, Integer> e : placed.entrySet()) {
            zeros += e.getValue() - next;
            long at = e.getValue();
            for (byte v : e.getKey().bytes()) {
                if (v == 0) {
                    zeros++;
                } else {
                    if (segStart >= 0 && zeros > MAX_ZERO_RUN) {
                        out.add(new Segment((int) segStart, bytes.toByteArray()));
                        segStart = -1;
                    }
                    if (segStart < 0) {
                        segStart = at;
                        bytes.reset();
                    } else {
                        bytes.write(new byte[(int) zeros], 0, (int) zeros);
                    }
                    bytes.write(v);
                    zeros = 0;
                }
                at++;
            }
            next = at;
        }
        if (segStart >= 0) {
            out.add(new Segment((int) segStart, bytes.toByteArray()));
        }
        return out;
    }

    /** One active data segment: {@code bytes} copied to {@code address}. */
    record Segment(int address, byte[] bytes) {
    }

    /** Bytes placed while each node was the {@link #owner}, padding included. */
    Map<String, Long> bytesByOwner() {
        return bytesByOwner;
    }
}
