package dev.edgec.core.lower;

/** Where each tensor of the graph lives in linear memory. */
@FunctionalInterface
public interface AddressMap {
    /** Byte address of the tensor named {@code valueName}; 16-byte aligned. */
    int address(String valueName);
}
