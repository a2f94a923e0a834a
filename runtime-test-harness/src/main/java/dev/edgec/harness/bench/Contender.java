package dev.edgec.harness.bench;

import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.OptionalLong;

/**
 * One system running one model, ready to infer on the benchmark inputs it was given. An inference is
 * timed from the input bytes in the host's memory to the output bytes in the host's memory: writing
 * inputs into the runtime, running, and copying the outputs out.
 */
interface Contender extends AutoCloseable {
    /** One inference; the outputs in graph order (used to check the system against ONNX Runtime). */
    List<Tensor> infer();

    /** Runs {@code n} inferences and returns the wall and CPU time of each. */
    Timings time(int n);

    /** Peak resident set size of the process the system runs in, when it has a process of its own. */
    default OptionalLong peakRssKiB() {
        return OptionalLong.empty();
    }

    @Override
    void close();
}
