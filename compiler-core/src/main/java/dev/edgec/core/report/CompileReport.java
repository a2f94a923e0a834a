package dev.edgec.core.report;

import dev.edgec.core.CompileResult;
import dev.edgec.core.lower.AssembledModule;
import dev.edgec.core.lower.KernelInfo;
import dev.edgec.core.lower.MemoryLimits;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Node;
import dev.edgec.wasm.EncodedModule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compiled module costs: per node and in total. Every number is read off the emitted module
 * and the memory plan, not estimated: code bytes are the code section's function entries, data bytes
 * the data section, memory the declared pages, a node's weight bytes the constants placed while
 * lowering its kernel (see {@link NodeReport#weightBytes}).
 *
 * @param moduleBytes      the whole module
 * @param codeBytes        the code section (id and size prefix included)
 * @param dataBytes        the data section (weights)
 * @param customBytes      all custom sections (signature, names)
 * @param memoryPages      linear memory, in 64 KiB pages
 * @param arenaPeak        bytes of the activation arena as planned
 * @param arenaLowerBound  the largest total of tensors live at once in the chosen order
 * @param weightBytes      constant bytes placed in memory, alignment padding included: the sum of the
 *                         nodes' {@link NodeReport#weightBytes} (plus any constant graph output)
 */
public record CompileReport(List<NodeReport> nodes, int moduleBytes, int codeBytes, int dataBytes, int customBytes,
                            int memoryPages, long arenaPeak, long arenaLowerBound, long totalMacs, long weightBytes) {
    public CompileReport {
        nodes = List.copyOf(nodes);
    }

    public long memoryBytes() {
        return (long) memoryPages * MemoryLimits.PAGE_BYTES;
    }

    /** Peak over lower bound; 1.0 is optimal for the chosen order. */
    public double arenaRatio() {
        return arenaLowerBound == 0 ? 1.0 : (double) arenaPeak / arenaLowerBound;
    }

    public static CompileReport of(CompileResult result, OperatorRegistry registry) {
        Graph g = result.graph();
        AssembledModule a = result.assembled();
        EncodedModule m = a.module();
        Map<String, Integer> codeByNode = new HashMap<>();
        for (KernelInfo k : a.kernels()) {
            codeByNode.put(k.nodeName(), m.functionSizes().get(k.functionIndex()));
        }
        List<NodeReport> rows = new ArrayList<>();
        long macs = 0;
        for (Node n : g.nodes()) {
            OpContext ctx = new OpContext(n, n.opsetVersion(), g::type, g.constants());
            long nodeMacs = registry.operatorFor(n, n.opsetVersion()).macs(ctx);
            macs += nodeMacs;
            long weightBytes = a.constantBytesByNode().getOrDefault(n.name(), 0L);
            String out = n.output(0);
            rows.add(new NodeReport(n.name(), n.opType(), g.type(out), nodeMacs, weightBytes,
                    codeByNode.getOrDefault(n.name(), 0), a.addresses().getOrDefault(out, -1), g.type(out).byteSize()));
        }
        int custom = m.sectionSizes().entrySet().stream().filter(e -> e.getKey().startsWith("custom:"))
                .mapToInt(Map.Entry::getValue).sum();
        return new CompileReport(rows, m.bytes().length, m.sectionSize("code"), m.sectionSize("data"), custom,
                a.memoryPages(), a.arena().size(), a.arena().lowerBound(), macs, a.constantBytes());
    }
}
