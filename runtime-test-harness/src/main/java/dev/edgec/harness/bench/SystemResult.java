package dev.edgec.harness.bench;

import java.util.OptionalLong;

/**
 * What one system did on one model: either a failure (it could not load the model, or its outputs
 * did not match ONNX Runtime on the benchmark inputs, or it broke while being timed) or its latency.
 *
 * @param latency     wall-clock time per inference
 * @param cpu         CPU time per inference
 * @param maxAbsError largest absolute difference from ONNX Runtime Java on the benchmark inputs
 * @param peakRssKiB  peak resident set size of the system's own process (Node systems only)
 */
record SystemResult(BenchSystem system, String failure, LatencyStats latency, LatencyStats cpu, double maxAbsError,
                    OptionalLong peakRssKiB) {
    static SystemResult failed(BenchSystem system, String why) {
        return new SystemResult(system, why, null, null, Double.NaN, OptionalLong.empty());
    }

    boolean ok() {
        return failure == null;
    }
}
