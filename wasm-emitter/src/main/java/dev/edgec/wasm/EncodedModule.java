package dev.edgec.wasm;

import java.util.List;
import java.util.Map;

/**
 * A finished module: its bytes, the size of each section, keyed by section name ("code", "data",
 * or "custom:NAME"), each size counting the section's id and length prefix, and the size of each
 * function's entry in the code section (its body with locals and size prefix), by function index.
 */
public record EncodedModule(byte[] bytes, Map<String, Integer> sectionSizes, List<Integer> functionSizes) {
    public EncodedModule {
        sectionSizes = Map.copyOf(sectionSizes);
        functionSizes = List.copyOf(functionSizes);
    }

    public int sectionSize(String name) {
        return sectionSizes.getOrDefault(name, 0);
    }
}
