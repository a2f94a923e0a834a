package dev.edgec.core.report;

import dev.edgec.ir.TensorType;

/**
 * One node of the compiled graph as an embedded engineer budgets it.
 *
 * @param weightBytes constant bytes the kernel placed in the data segment: the constant inputs it reads
 *                    and its own tables (requantization multipliers, folded biases), with the alignment
 *                    padding before each; a constant shared with an earlier kernel counts there only
 * @param codeBytes   size of the node's kernel function (0 for a view, which has none)
 * @param arenaOffset where its first output lives in linear memory
 * @param arenaBytes  that output's size
 */
public record NodeReport(String name, String opType, TensorType output, long macs, long weightBytes, int codeBytes,
                         long arenaOffset, long arenaBytes) {
}
