package dev.edgec.core.fold;

import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.ir.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Folding must not make the module larger: the folded values' bytes may exceed the constant bytes
 * they free (constants that only folded kernels read from memory) by at most an allowance, which
 * stands for the code of the kernels that disappear. An Expand of a scalar to a large tensor thus
 * stays a kernel, while a Transpose of weights used nowhere else folds.
 */
final class SizeRule {
    /** What a few removed kernels' code weighs; spent once per compile, so folding grows a module by at most this. */
    static final long ALLOWANCE_BYTES = 1024;

    private final ConstantRegion region;
    private final Set<String> readAtRunTime;

    /**
     * @param readAtRunTime graph constants that the region's kernels read from memory: the only ones whose
     *                      bytes are in the module today (constants read only at compile time cost nothing)
     */
    SizeRule(ConstantRegion region, Set<String> readAtRunTime) {
        this.region = region;
        this.readAtRunTime = readAtRunTime;
    }

    /** Folding these values grows the module's constants by {@code growth} bytes (negative: shrinks it). */
    record Choice(List<String> values, long growth) {
    }

    /**
     * The candidates to fold, largest subset first: when folding all of them grows the module by more than
     * {@code allowance}, the values whose removal saves the most bytes are dropped one by one until it fits.
     */
    Choice choose(List<String> candidates, long allowance) {
        List<String> chosen = new ArrayList<>(candidates);
        Choice all = evaluate(chosen);
        if (all.growth() <= allowance) {
            return all;
        }
        long base = all.growth();
        List<String> byCost = new ArrayList<>(candidates);
        List<Long> saving = new ArrayList<>();
        for (String v : candidates) {
            List<String> without = new ArrayList<>(candidates);
            without.remove(v);
            saving.add(base - evaluate(without).growth());
        }
        byCost.sort(Comparator.comparingLong((String v) -> -saving.get(candidates.indexOf(v))));
        for (String v : byCost) {
            chosen.remove(v);
            Choice c = evaluate(chosen);
            if (c.growth() <= allowance) {
                return c;
            }
        }
        return new Choice(List.of(), 0);
    }

    /** The values that actually fold when {@code fold} is asked for, and the growth that costs. */
    Choice evaluate(List<String> fold) {
        Graph g = region.graph();
        Set<Node> kept = new HashSet<>(region.kept(fold));
        // a value whose producer still runs for another of its outputs stays that node's output
        List<String> effective = fold.stream().filter(v -> !kept.contains(region.producer(v))).toList();
        Set<Node> removed = new HashSet<>(region.cone(effective));
        removed.removeAll(kept);
        Set<String> live = new LinkedHashSet<>();
        for (Node n : g.nodes()) {
            if (!removed.contains(n)) {
                live.addAll(n.inputs());
            }
        }
        g.outputs().stream().map(Value::name).forEach(live::add);
        long growth = 0;
        for (String v : effective) {
            growth += g.type(v).byteSize();
        }
        for (String c : readAtRunTime) {
            if (!live.contains(c)) {
                growth -= g.constants().get(c).type().byteSize();
            }
        }
        return new Choice(effective, growth);
    }
}
