package dev.edgec.core.lower;

import dev.edgec.opt.memory.ArenaPlan;
import dev.edgec.wasm.EncodedModule;
import java.util.List;
import java.util.Map;

/**
 * The emitted module and where everything went: the arena plan, the constants' data region, the
 * linear memory size and each kernel's function.
 */
public record AssembledModule(EncodedModule module, ArenaPlan arena, long constantBytes, int memoryPages,
                              Map<String, Integer> addresses, List<KernelInfo> kernels) {
    public AssembledModule {
        addresses = Map.copyOf(addresses);
        kernels = List.copyOf(kernels);
    }

    public byte[] bytes() {
        return module.bytes();
    }
}
