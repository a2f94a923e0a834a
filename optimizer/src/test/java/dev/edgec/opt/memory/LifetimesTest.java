package dev.edgec.opt.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** On random DAGs, every tensor is live wherever it is read or written, and the plan respects that. */
class LifetimesTest {
    /** A random DAG: each node reads one or two earlier values (or the constant) and writes one. */
    static Graph randomDag(Random r) {
        Graph.Builder b = Graph.builder();
        List<String> values = new ArrayList<>();
        int inputs = 1 + r.nextInt(3);
        for (int i = 0; i < inputs; i++) {
            b.addInput(new Value("in" + i, TensorType.of(DataType.FLOAT32, 1 + r.nextInt(40))));
            values.add("in" + i);
        }
        b.addConstant("k", Tensor.ofFloats(Shape.of(1), 1));
        int nodes = 1 + r.nextInt(15);
        for (int n = 0; n < nodes; n++) {
            List<String> in = new ArrayList<>();
            in.add(values.get(r.nextInt(values.size())));
            if (r.nextBoolean()) {
                in.add(r.nextInt(4) == 0 ? "k" : values.get(r.nextInt(values.size())));
            }
            String out = "v" + n;
            b.addNode(new Node("n" + n, "", "Op", 13, in, List.of(out), Map.of()));
            b.setType(out, TensorType.of(r.nextBoolean() ? DataType.FLOAT32 : DataType.INT8, 1 + r.nextInt(40)));
            values.add(out);
        }
        int outputs = 1 + r.nextInt(2);
        Graph partial = b.build();
        for (int o = 0; o < outputs; o++) {
            String name = values.get(values.size() - 1 - r.nextInt(Math.min(values.size(), 3)));
            if (!partial.isGraphOutput(name) && b.types().containsKey(name)) {
                b.addOutput(new Value(name, b.types().get(name)));
                partial = b.build();
            }
        }
        return b.build();
    }

    @Property(tries = 200)
    void everyUseIsInsideTheLifetime(@ForAll Random random) {
        Graph g = randomDag(random);
        List<TensorLifetime> ts = Lifetimes.of(g);
        Map<String, TensorLifetime> byName = ts.stream().collect(Collectors.toMap(TensorLifetime::name, Function.identity()));
        assertTrue(!byName.containsKey("k"), "constants are not in the arena");
        int end = g.nodes().size() + 1;
        for (int i = 0; i < g.nodes().size(); i++) {
            int step = i + 1;
            Node n = g.nodes().get(i);
            for (String in : n.inputs()) {
                if (!in.equals("k")) {
                    TensorLifetime t = byName.get(in);
                    assertTrue(t.first() <= step && step <= t.last(), in + " read at " + step + " but live " + t);
                }
            }
            assertEquals(step, byName.get(n.output(0)).first());
            assertEquals(g.type(n.output(0)).byteSize(), byName.get(n.output(0)).bytes());
        }
        g.inputs().forEach(v -> assertEquals(new TensorLifetime(v.name(), v.type().byteSize(), 0, end), byName.get(v.name())));
        g.outputs().forEach(v -> assertEquals(end, byName.get(v.name()).last()));

        ArenaPlan plan = ArenaPlanner.plan(ts, 16);
        for (TensorLifetime a : ts) {
            for (TensorLifetime b : ts) {
                if (a != b && a.overlaps(b)) {
                    long ao = plan.offset(a.name());
                    long bo = plan.offset(b.name());
                    assertTrue(ao + a.bytes() <= bo || bo + b.bytes() <= ao, a + " and " + b + " share bytes");
                }
            }
        }
    }
}
