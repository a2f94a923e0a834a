package dev.edgec.core.ops;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * One ONNX operator: attribute parsing, type and shape inference, and lowering to a wasm kernel.
 * Implementations are stateless; everything about the node comes from the {@link OpContext}.
 */
public interface Operator {
    /**
     * Checks the node's inputs and attributes and returns its output types in output order.
     * Must read every attribute the operator accepts: attributes left unread are reported as unknown.
     */
    List<TensorType> inferTypes(OpContext ctx);

    /** Writes the kernel that computes the node's outputs from its inputs, at their planned addresses. */
    void lower(OpContext ctx, KernelWriter k);

    /**
     * The node's outputs computed at compile time, when they do not depend on run-time data (Shape of
     * a static tensor, arithmetic on constants). Import replaces such a node by constants, so that
     * shape subgraphs (Shape → Gather → Concat → Reshape) fix shapes. Empty means "compute at run time".
     */
    default java.util.Optional<List<dev.edgec.ir.Tensor>> evaluate(OpContext ctx) {
        return java.util.Optional.empty();
    }

    /**
     * Bytes of working memory the kernel needs while it runs (recurrent state, partial sums…). The
     * memory planner places it in the arena, live only during this node; the kernel finds it at
     * {@link KernelWriter#scratch()}. Its contents are undefined when the kernel starts.
     */
    default long scratchBytes(OpContext ctx) {
        return 0;
    }

    /** Multiply-accumulate operations the kernel performs, for size reports (0 for data movement). */
    default long macs(OpContext ctx) {
        return 0;
    }

    /**
     * True when output 0 holds exactly the bytes of input 0 (Reshape, Flatten, Squeeze, Identity…):
     * the memory planner then gives both the same address and no kernel is emitted.
     */
    default boolean isView(OpContext ctx) {
        return false;
    }

    /**
     * True when output 0 may be written over the bytes of an input of the same element type and count:
     * the kernel reads each element of such an input only at the index of the output element it then
     * writes, and before writing it (elementwise loops). The memory planner then lets output 0 reuse
     * the bytes of an input that dies at this node.
     */
    default boolean canRunInPlace(OpContext ctx) {
        return false;
    }
}
