package dev.edgec.wasm;

import java.util.Map;

/**
 * A finished module: its bytes and the size of each section, keyed by section name ("code",
 * "data", or "custom:NAME"), each size counting the section's id and length prefix.
 */
public record EncodedModule(byte[] bytes, Map<String, Integer> sectionSizes) {
    public EncodedModule {
        sectionSizes = Map.copyOf(sectionSizes);
    }

    public int sectionSize(String name) {
        return sectionSizes.getOrDefault(name, 0);
    }
}
