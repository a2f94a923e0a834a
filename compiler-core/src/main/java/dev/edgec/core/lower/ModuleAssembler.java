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
 * (inputs, intermediates, outputs) followed by the constants, and is fixed in size.
 */
public final class ModuleAssembler {
    private ModuleAssembler() {
    }

    public static AssembledModule assemble(Graph g, OperatorRegistry registry, byte[] signatureJson, String moduleName) {
        ArenaPlan arena = ArenaPlanner.plan(Lifetimes.of(g), ConstantPool.ALIGNMENT);
        if (arena.size() > MemoryLimits.MAX_MEMORY_BYTES) {
            throw new LimitExceededException("the model needs " + arena.size() + " bytes of activations, more than wasm32 memory allows");
        }
        ConstantPool constants = new ConstantPool(arena.size());
        Map<String, Integer> addresses = new HashMap<>();
        AddressMap addressMap = name -> {
            Tensor c = g.constants().get(name);
            int at = c != null ? constants.address(c) : (int) arena.offset(name);
            addresses.put(name, at);
            return at;
        };

        ModuleBuilder module = new ModuleBuilder();
        MathLibrary math = new MathLibrary(module);
        FuncType kernelType = new FuncType(List.of(), List.of());
        FuncType indexType = FuncType.of(List.of(ValType.I32), ValType.I32);
        FunctionBuilder inputPtr = module.addFunction("input_ptr", indexType);
        FunctionBuilder outputPtr = module.addFunction("output_ptr", indexType);
        FunctionBuilder run = module.addFunction("run", FuncType.of(List.of(), ValType.I32));

        List<KernelInfo> kernels = new ArrayList<>();
        for (Node n : g.nodes()) {
            Operator op = registry.operatorFor(n, n.opsetVersion());
            FunctionBuilder f = module.addFunction(n.opType() + ":" + n.name(), kernelType);
            op.lower(new OpContext(n, n.opsetVersion(), g::type, g.constants()), new KernelWriter(f, addressMap, math, constants::address));
            kernels.add(new KernelInfo(n.name(), n.opType(), f.index()));
        }
        Code r = run.code();
        kernels.forEach(k -> r.call(k.functionIndex()));
        r.i32Const(0);

        pointerTable(inputPtr.code(), g.inputs(), addressMap);
        pointerTable(outputPtr.code(), g.outputs(), addressMap);

        long total = constants.end();
        int pages = MemoryLimits.pagesFor(total);
        module.memory(pages, pages).exportMemory("memory");
        module.exportFunction("input_ptr", inputPtr.index());
        module.exportFunction("output_ptr", outputPtr.index());
        module.exportFunction("run", run.index());
        constants.placements().forEach((t, at) -> module.addData(at, t.bytes()));
        module.addCustomSection("edgec.signature", signatureJson);
        module.moduleName(moduleName);
        return new AssembledModule(module.encode(), arena, constants.bytes(), pages, addresses, kernels);
    }

    /** {@code if (i == k) return address_k; ... return -1}: -1 marks an index out of range. */
    private static void pointerTable(Code c, List<Value> values, AddressMap addresses) {
        for (int i = 0; i < values.size(); i++) {
            c.localGet(0).i32Const(i).i32Eq().if_().i32Const(addresses.address(values.get(i).name())).return_().end();
        }
        c.i32Const(-1);
    }
}
