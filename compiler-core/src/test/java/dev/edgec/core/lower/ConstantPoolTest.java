package dev.edgec.core.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstantPoolTest {
    private static Tensor bytes(int... v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return Tensor.ofLongs(DataType.UINT8, Shape.of(v.length), l);
    }

    /** Memory as the segments leave it: zeros except where a segment writes. */
    private static byte[] image(List<ConstantPool.Segment> segments, int size) {
        byte[] m = new byte[size];
        for (ConstantPool.Segment s : segments) {
            System.arraycopy(s.bytes(), 0, m, s.address(), s.bytes().length);
        }
        return m;
    }

    @Test
    void segmentsSkipLongZeroRunsAndJoinConstantsThatFollowClosely() {
        ConstantPool pool = new ConstantPool(64);
        pool.owner("a");
        int first = pool.address(bytes(1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4)); // 20 bytes
        int second = pool.address(bytes(0, 0, 0, 0, 5, 6, 0, 0)); // after 12 bytes of padding
        pool.owner("b");
        int third = pool.address(bytes(0, 0, 0, 0, 0, 0, 0, 0)); // all zeros: no segment
        int fourth = pool.address(bytes(7, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 9)); // follows at once; 6 zeros stay inside the segment
        int again = pool.address(bytes(1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4));
        assertEquals(List.of(64, 96, 112, 128), List.of(first, second, third, fourth));
        assertEquals(first, again, "equal constants share one copy");
        List<ConstantPool.Segment> segments = pool.segments();
        assertEquals(List.of(64, 83, 100, 128), segments.stream().map(ConstantPool.Segment::address).toList());
        assertArrayEquals(new byte[] {5, 6}, segments.get(2).bytes());
        assertEquals(16, segments.get(3).bytes().length);
        byte[] memory = image(segments, 144);
        byte[] expected = new byte[144];
        for (Map.Entry<Integer, Tensor> e : Map.of(first, bytes(1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4),
                second, bytes(0, 0, 0, 0, 5, 6, 0, 0), fourth,
                bytes(7, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 9)).entrySet()) {
            byte[] b = e.getValue().bytes();
            System.arraycopy(b, 0, expected, e.getKey(), b.length);
        }
        assertArrayEquals(expected, memory);
        assertEquals(Map.of("a", 40L, "b", 40L), pool.bytesByOwner(), "padding counts for the node that placed after it");
        assertEquals(80, pool.bytes());
    }
}
