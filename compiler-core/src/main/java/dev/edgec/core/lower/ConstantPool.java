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
    /** Largest run of padding written as zeros to join two constants into one data segment. */
    static final int MAX_MERGED_GAP = 6;

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
     * The placed constants as data segments: constants that follow each other with at most
     * {@link #MAX_MERGED_GAP} bytes between them share one segment, the gap filled with zeros (a
     * segment's header, flags, offset expression and length, costs 6 to 9 bytes in the module).
     */
    List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        int segStart = -1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Map.Entry<Tensor, Integer> e : placed.entrySet()) {
            int at = e.getValue();
            int gap = at - (segStart + bytes.size());
            if (segStart < 0 || gap < 0 || gap > MAX_MERGED_GAP) {
                if (segStart >= 0) {
                    out.add(new Segment(segStart, bytes.toByteArray()));
                }
                segStart = at;
                bytes.reset();
            } else {
                bytes.write(new byte[gap], 0, gap);
            }
            byte[] data = e.getKey().bytes();
            bytes.write(data, 0, data.length);
        }
        if (segStart >= 0) {
            out.add(new Segment(segStart, bytes.toByteArray()));
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
