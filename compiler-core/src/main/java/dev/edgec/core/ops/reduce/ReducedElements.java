package dev.edgec.core.ops.reduce;

/** The input elements that reduce into one output element, as seen by a reduction's code. */
interface ReducedElements {
    /** Emits a loop over the elements; {@code consumer} runs with each element's value (float32 or float64) on the stack and must consume it. */
    void forEach(Runnable consumer);

    /** How many elements reduce into one output. */
    int count();
}
