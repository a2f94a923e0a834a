package dev.edgec.harness.bench;

/**
 * The times of a batch of inferences, in nanoseconds, one entry per inference: wall-clock time, and
 * the CPU time the system spent on it. On a loaded machine a long inference is often descheduled, so
 * its wall time grows with the load while its CPU time does not: both are reported.
 */
record Timings(long[] wallNanos, long[] cpuNanos) {
    Timings {
        if (wallNanos.length != cpuNanos.length) {
            throw new IllegalArgumentException(wallNanos.length + " wall times but " + cpuNanos.length + " CPU times");
        }
    }
}
