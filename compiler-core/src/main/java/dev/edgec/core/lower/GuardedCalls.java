package dev.edgec.core.lower;

import dev.edgec.core.control.Guard;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.opt.memory.Lifetimes;
import dev.edgec.opt.memory.PeakAwareOrder;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the module assembler runs {@link Guard guarded} nodes (inlined If branches, loop iterations after
 * a run-time condition): {@code run()} calls the kernel inside one wasm {@code if} per guard, on the
 * guard's bool byte. For ordering and memory planning a guard counts as a read of its value, so the
 * value is computed before and kept alive through every node it guards.
 */
final class GuardedCalls {
    /** One guard as emitted: the byte address of the bool and the value that lets the call run. */
    record Check(int address, boolean whenTrue) {
    }

    private GuardedCalls() {
    }

    static List<Check> checks(Node n, AddressMap addresses) {
        List<Check> out = new ArrayList<>();
        for (Guard g : Guard.of(n)) {
            out.add(new Check(addresses.address(g.value()), g.whenTrue()));
        }
        return out;
    }

    /** Opens {@code if (mem[addr] != 0)} (or {@code == 0}) for each check, outermost first. */
    static void open(Code r, List<Check> checks) {
        for (Check c : checks) {
            r.i32Const(c.address()).i32Load8U(0);
            if (!c.whenTrue()) {
                r.i32Eqz();
            }
            r.if_();
        }
    }

    static void close(Code r, List<Check> checks) {
        for (int i = 0; i < checks.size(); i++) {
            r.end();
        }
    }

    /** {@code g} with each guarded node also reading its guard values: the form lifetimes and ordering see. */
    static Graph withGuardReads(Graph g) {
        if (g.nodes().stream().allMatch(n -> Guard.of(n).isEmpty())) {
            return g;
        }
        return g.toBuilder().setNodes(g.nodes().stream().map(GuardedCalls::readingGuards).toList()).build();
    }

    /** A peak-aware order of {@code g}'s nodes in which guard values come before the nodes they guard. */
    static List<Node> peakAwareOrder(Graph g, Map<String, String> viewOf) {
        Graph planning = withGuardReads(g);
        if (planning == g) {
            return PeakAwareOrder.of(g, viewOf);
        }
        Map<String, Node> byName = new HashMap<>();
        g.nodes().forEach(n -> byName.put(n.name(), n));
        return PeakAwareOrder.of(planning, viewOf).stream().map(n -> byName.get(n.name())).toList();
    }

    /** In-place choices without those that would overwrite a guard value (whose last read is a guard). */
    static Map<String, String> keepGuardsIntact(Graph g, Map<String, String> inPlace, Map<String, String> viewOf) {
        Set<String> guardValues = new HashSet<>();
        g.nodes().forEach(n -> Guard.of(n).forEach(x -> guardValues.add(x.value())));
        if (guardValues.isEmpty()) {
            return inPlace;
        }
        Map<String, String> alias = new HashMap<>(viewOf);
        alias.putAll(inPlace);
        Set<String> guardRoots = new HashSet<>();
        guardValues.forEach(v -> guardRoots.add(Lifetimes.root(v, alias)));
        Map<String, String> kept = new HashMap<>();
        inPlace.forEach((out, in) -> {
            if (!guardRoots.contains(Lifetimes.root(in, alias)) && !guardValues.contains(in)) {
                kept.put(out, in);
            }
        });
        return kept;
    }

    private static Node readingGuards(Node n) {
        List<Guard> guards = Guard.of(n);
        if (guards.isEmpty()) {
            return n;
        }
        List<String> inputs = new ArrayList<>(n.inputs());
        guards.forEach(g -> inputs.add(g.value()));
        return new Node(n.name(), n.domain(), n.opType(), n.opsetVersion(), inputs, n.outputs(), n.attributes());
    }
}
