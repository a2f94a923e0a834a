package dev.edgec.core.report;

import dev.edgec.ir.TensorType;

/**
 * One node of the compiled graph as an embedded engineer budgets it.
 *
 * @param weightBytes bytes of constant inputs the kernel reads from the data segment
 * @param codeBytes   size of the node's kernel function (0 for a view, which has none)
 * @param arenaOffset where its first output lives in linear memory
 * @param arenaBytes  that output's size
 */
public record NodeReport(String name, String opType, TensorType output, long macs, long weightBytes, int codeBytes,
                         long arenaOffset, long arenaBytes) {
}
