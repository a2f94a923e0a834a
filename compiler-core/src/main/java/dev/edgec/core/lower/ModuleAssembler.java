package dev.edgec.core.lower;

import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Graph;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.Value;
import dev.edgec.opt.memory.ArenaPlan;
import dev.edgec.opt.memory.ArenaPlanner;
import dev.edgec.opt.memory.Lifetimes;
import dev.edgec.opt.memory.PeakAwareOrder;
import dev.edgec.opt.memory.TensorLifetime;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FuncType;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ModuleBuilder;
import dev.edgec.wasm.ValType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers a typed graph to a module with ABI v1: one kernel function per node, called in order by
 * {@code run}; {@code input_ptr}/{@code output_ptr} return planned addresses; memory holds the arena
 * (inputs, intermediates, outputs) followed by the constants, and is fixed in size. A node with
 * {@link dev.edgec.core.control.Guard guards} has its kernel call wrapped in {@code if}s on the guard bytes.
 */
public final class ModuleAssembler {
    private ModuleAssembler() {
    }

    /**
     * @param aliasViews give view operators' outputs their input's bytes instead of copying (on when optimizing)
     */
    public static AssembledModule assemble(Graph g, OperatorRegistry registry, byte[] signatureJson, String moduleName,
                                           boolean aliasViews) {
        Map<String, String> viewOf = new HashMap<>();
        for (Node n : g.nodes()) {
            if (aliasViews && registry.operatorFor(n, n.opsetVersion()).isView(context(g, n))) {
                viewOf.put(n.output(0), n.input(0));
            }
        }
        Map<String, String> aliasOf = viewOf;
        ArenaPlan arena = planArena(g, viewOf, viewOf, registry);
        if (aliasViews) {
            // in place and a peak-aware order: plan both orders, keep the smaller arena (ties: the original order)
            for (List<Node> order : List.of(g.nodes(), GuardedCalls.peakAwareOrder(g, viewOf))) {
                Graph ordered = order.equals(g.nodes()) ? g : g.toBuilder().setNodes(order).build();
                Map<String, String> alias = new HashMap<>(viewOf);
                alias.putAll(GuardedCalls.keepGuardsIntact(ordered,
                        InPlacePlanner.choose(ordered, order, registry, viewOf), viewOf));
                ArenaPlan plan = planArena(ordered, alias, viewOf, registry);
                if (plan.size() < arena.size() || aliasOf == viewOf) {
                    arena = plan;
                    aliasOf = alias;
                    g = ordered;
                }
            }
        }
        Graph graph = g;
        Map<String, String> aliases = aliasOf;
        ArenaPlan chosen = arena;
        if (arena.size() > MemoryLimits.MAX_MEMORY_BYTES) {
            throw new LimitExceededException("the model needs " + arena.size() + " bytes of activations, more than wasm32 memory allows");
        }
        ConstantPool constants = new ConstantPool(arena.size());
        Map<String, Integer> addresses = new HashMap<>();
        AddressMap addressMap = value -> {
            String name = Lifetimes.root(value, aliases);
            Tensor c = graph.constants().get(name);
            int at = c != null ? constants.address(c) : (int) chosen.offset(name);
            addresses.put(value, at);
            return at;
        };

        ModuleBuilder module = new ModuleBuilder();
        MathLibrary math = new MathLibrary(module);
        FuncType kernelType = new FuncType(List.of(), List.of());
        FuncType indexType = FuncType.of(List.of(ValType.I32), ValType.I32);
        FunctionBuilder inputPtr = module.addFunction("input_ptr", indexType);
        FunctionBuilder outputPtr = module.addFunction("output_ptr", indexType);
        FunctionBuilder run = module.addFunction("run", FuncType.of(List.of(), ValType.I32));

        int[] status = {-1};
        java.util.function.IntSupplier statusGlobal = () -> {
            if (status[0] < 0) {
                status[0] = module.addGlobal(ValType.I32, true, 0);
            }
            return status[0];
        };
        List<KernelInfo> kernels = new ArrayList<>();
        List<Boolean> canFail = new ArrayList<>();
        List<List<GuardedCalls.Check>> guards = new ArrayList<>();
        for (Node n : graph.nodes()) {
            if (viewOf.containsKey(n.output(0))) {
                continue;
            }
            Operator op = registry.operatorFor(n, n.opsetVersion());
            FunctionBuilder f = module.addFunction(n.opType() + ":" + n.name(), kernelType);
            Long scratch = chosen.offsets().get(scratchName(n));
            KernelWriter k = new KernelWriter(f, addressMap, math, constants::address, statusGlobal,
                    scratch == null ? -1 : (int) (long) scratch);
            constants.owner(n.name());
            op.lower(context(g, n), k);
            kernels.add(new KernelInfo(n.name(), n.opType(), f.index()));
            canFail.add(k.canFail());
            guards.add(GuardedCalls.checks(n, addressMap));
        }
        constants.owner("");
        emitRun(run.code(), kernels, canFail, guards, status[0]);

        pointerTable(inputPtr.code(), g.inputs(), addressMap);
        pointerTable(outputPtr.code(), g.outputs(), addressMap);

        long total = constants.end();
        int pages = MemoryLimits.pagesFor(total);
        module.memory(pages, pages).exportMemory("memory");
        module.exportFunction("input_ptr", inputPtr.index());
        module.exportFunction("output_ptr", outputPtr.index());
        module.exportFunction("run", run.index());
        constants.segments().forEach(d -> module.addData(d.address(), d.bytes()));
        module.addCustomSection("edgec.signature", signatureJson);
        module.moduleName(moduleName);
        return new AssembledModule(module.encode(), arena, constants.bytes(), pages, addresses, kernels,
                constants.bytesByOwner());
    }

    /**
     * {@code run()}: calls each kernel in order. When some kernel can fail, the status global is reset
     * first and checked after each such kernel, so the first failure is returned.
     */
    private static void emitRun(Code r, List<KernelInfo> kernels, List<Boolean> canFail,
                                List<List<GuardedCalls.Check>> guards, int statusGlobal) {
        if (statusGlobal >= 0) {
            r.i32Const(0).globalSet(statusGlobal);
        }
        for (int i = 0; i < kernels.size(); i++) {
            GuardedCalls.open(r, guards.get(i));
            r.call(kernels.get(i).functionIndex());
            if (canFail.get(i)) {
                r.globalGet(statusGlobal).if_().globalGet(statusGlobal).return_().end();
            }
            GuardedCalls.close(r, guards.get(i));
        }
        r.i32Const(0);
    }

    /**
     * Plans the arena for {@code g} in its node order: every tensor by lifetime ({@code alias}: values
     * sharing another's bytes) plus each kernel's scratch memory, live only while its node runs.
     */
    private static ArenaPlan planArena(Graph g, Map<String, String> alias, Map<String, String> viewOf,
                                       OperatorRegistry registry) {
        List<TensorLifetime> lifetimes = new ArrayList<>(Lifetimes.of(GuardedCalls.withGuardReads(g), alias));
        for (int i = 0; i < g.nodes().size(); i++) {
            Node n = g.nodes().get(i);
            long scratch = viewOf.containsKey(n.output(0)) ? 0
                    : registry.operatorFor(n, n.opsetVersion()).scratchBytes(context(g, n));
            if (scratch > 0) {
                // node i is step i + 1 of Lifetimes
                lifetimes.add(new TensorLifetime(scratchName(n), scratch, i + 1, i + 1));
            }
        }
        return ArenaPlanner.plan(lifetimes, ConstantPool.ALIGNMENT);
    }

    /** The arena slot name of a node's scratch memory; the NUL keeps it apart from any ONNX value name. */
    private static String scratchName(Node n) {
        return "\0scratch:" + n.name();
    }

    private static OpContext context(Graph g, Node n) {
        return new OpContext(n, n.opsetVersion(), g::type, g.constants());
    }

    /** {@code if (i == k) return address_k; ... return -1}: -1 marks an index out of range. */
    private static void pointerTable(Code c, List<Value> values, AddressMap addresses) {
        for (int i = 0; i < values.size(); i++) {
            c.localGet(0).i32Const(i).i32Eq().if_().i32Const(addresses.address(values.get(i).name())).return_().end();
        }
        c.i32Const(-1);
    }
}
