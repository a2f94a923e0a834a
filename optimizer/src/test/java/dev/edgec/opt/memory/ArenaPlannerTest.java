package dev.edgec.opt.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ArenaPlannerTest {
    private static final int ALIGN = 16;

    @Provide
    Arbitrary<List<TensorLifetime>> lifetimes() {
        Arbitrary<TensorLifetime> one = Combinators.combine(
                Arbitraries.longs().between(0, 5000), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 12))
                .as((bytes, first, length) -> new TensorLifetime("?", bytes, first, first + length));
        return one.list().ofMinSize(0).ofMaxSize(40).map(ts -> {
            List<TensorLifetime> named = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                TensorLifetime t = ts.get(i);
                named.add(new TensorLifetime("t" + i, t.bytes(), t.first(), t.last()));
            }
            return named;
        });
    }

    private static void assertValid(List<TensorLifetime> ts, ArenaPlan plan) {
        assertEquals(ts.size(), plan.offsets().size());
        for (TensorLifetime t : ts) {
            long o = plan.offset(t.name());
            assertEquals(0, o % ALIGN, t.name() + " at " + o);
            assertTrue(o >= 0 && o + t.bytes() <= plan.size(), t.name() + " outside the arena");
        }
        for (int i = 0; i < ts.size(); i++) {
            for (int j = i + 1; j < ts.size(); j++) {
                TensorLifetime a = ts.get(i);
                TensorLifetime b = ts.get(j);
                if (a.overlaps(b) && a.bytes() > 0 && b.bytes() > 0) {
                    long ao = plan.offset(a.name());
                    long bo = plan.offset(b.name());
                    assertTrue(ao + a.bytes() <= bo || bo + b.bytes() <= ao,
                            a + " at " + ao + " and " + b + " at " + bo + " share bytes");
                }
            }
        }
        assertTrue(plan.size() >= plan.lowerBound(), plan.size() + " < lower bound " + plan.lowerBound());
        assertEquals(0, plan.size() % ALIGN);
    }

    @Property(tries = 300)
    void overlappingLifetimesNeverShareBytes(@ForAll("lifetimes") List<TensorLifetime> ts) {
        assertValid(ts, ArenaPlanner.plan(ts, ALIGN));
    }

    @Property(tries = 100)
    void lowerBoundIsTheLargestLiveSet(@ForAll("lifetimes") List<TensorLifetime> ts) {
        long brute = 0;
        for (int step = 0; step <= 50; step++) {
            long sum = 0;
            for (TensorLifetime t : ts) {
                if (t.first() <= step && step <= t.last()) {
                    sum += (t.bytes() + ALIGN - 1) / ALIGN * ALIGN;
                }
            }
            brute = Math.max(brute, sum);
        }
        assertEquals(brute, ArenaPlanner.lowerBound(ts, ALIGN));
    }

    /** x -> n1 -> t1 -> n2 -> ... -> tk (graph output); each ti has its own size. */
    static Graph chain(List<Integer> elementCounts) {
        Graph.Builder b = Graph.builder();
        String prev = "x";
        b.addInput(new Value("x", TensorType.of(DataType.FLOAT32, elementCounts.get(0))));
        b.addConstant("w", Tensor.ofFloats(Shape.of(3), 1, 2, 3));
        for (int i = 1; i < elementCounts.size(); i++) {
            String out = "t" + i;
            b.addNode(new Node("n" + i, "", "Relu", 13, List.of(prev, "w"), List.of(out), Map.of()));
            b.setType(out, TensorType.of(DataType.FLOAT32, elementCounts.get(i)));
            prev = out;
        }
        b.addOutput(new Value(prev, TensorType.of(DataType.FLOAT32, elementCounts.get(elementCounts.size() - 1))));
        return b.build();
    }

    @Property(tries = 300)
    void chainGraphsArePlannedOptimally(@ForAll @Size(min = 2, max = 12) List<@IntRange(min = 1, max = 64) Integer> counts) {
        Graph g = chain(counts);
        List<TensorLifetime> ts = Lifetimes.of(g);
        ArenaPlan plan = ArenaPlanner.plan(ts, ALIGN);
        assertValid(ts, plan);
        assertEquals(plan.lowerBound(), plan.size(), () -> "plan " + plan.offsets() + " for " + ts);
    }

    @Test
    void chainLifetimes() {
        List<TensorLifetime> ts = Lifetimes.of(chain(List.of(4, 8, 2, 3)));
        // steps: 0 = before the first node, node i is step i, 4 = after the last node
        assertEquals(List.of(new TensorLifetime("x", 16, 0, 4), new TensorLifetime("t1", 32, 1, 2),
                new TensorLifetime("t2", 8, 2, 3), new TensorLifetime("t3", 12, 3, 4)), ts);
    }

    @Test
    void examples() {
        // three tensors alive at once stack up; a later one reuses the first slot
        List<TensorLifetime> ts = List.of(new TensorLifetime("a", 100, 0, 1), new TensorLifetime("b", 10, 1, 2),
                new TensorLifetime("c", 50, 2, 3), new TensorLifetime("d", 1, 0, 3));
        ArenaPlan p = ArenaPlanner.plan(ts, ALIGN);
        assertValid(ts, p);
        assertEquals(112 + 16 + 16, p.lowerBound());
        assertEquals(p.lowerBound(), p.size());
        assertEquals(0, p.offset("a"));
        assertEquals(0, p.offset("c"));

        ArenaPlan empty = ArenaPlanner.plan(List.of(), ALIGN);
        assertEquals(0, empty.size());
        assertEquals(0, empty.lowerBound());
        assertThrows(IllegalArgumentException.class, () -> empty.offset("nope"));
        assertThrows(IllegalArgumentException.class, () -> new TensorLifetime("bad", 1, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new TensorLifetime("bad", -1, 0, 0));
    }

    @Test
    void alignmentRoundsUp() {
        assertEquals(0, ArenaPlanner.align(0, 16));
        assertEquals(16, ArenaPlanner.align(1, 16));
        assertEquals(16, ArenaPlanner.align(16, 16));
        assertEquals(32, ArenaPlanner.align(17, 16));
    }
}
