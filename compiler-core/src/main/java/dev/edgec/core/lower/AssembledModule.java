package dev.edgec.core.lower;

import dev.edgec.opt.memory.ArenaPlan;
import dev.edgec.wasm.EncodedModule;
import java.util.List;
import java.util.Map;

/**
 * The emitted module and where everything went: the arena plan, the constants' data region, the
 * linear memory size and each kernel's function.
 *
 * @param constantBytesByNode the constant bytes (alignment padding included) placed while lowering
 *                            each node, graph weights and kernel-private tables alike; a constant
 *                            shared by several kernels counts for the first. Adds up to {@code constantBytes}.
 */
public record AssembledModule(EncodedModule module, ArenaPlan arena, long constantBytes, int memoryPages,
                              Map<String, Integer> addresses, List<KernelInfo> kernels,
                              Map<String, Long> constantBytesByNode) {
    public AssembledModule {
        addresses = Map.copyOf(addresses);
        kernels = List.copyOf(kernels);
        constantBytesByNode = Map.copyOf(constantBytesByNode);
    }

    public byte[] bytes() {
        return module.bytes();
    }
}
