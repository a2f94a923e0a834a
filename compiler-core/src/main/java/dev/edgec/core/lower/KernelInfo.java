package dev.edgec.core.lower;

/** One node's kernel in the emitted module, for reports. */
public record KernelInfo(String nodeName, String opType, int functionIndex) {
}
