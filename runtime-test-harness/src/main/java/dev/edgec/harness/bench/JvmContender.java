package dev.edgec.harness.bench;

import dev.edgec.ir.Tensor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Supplier;

/**
 * A system that runs inside the benchmark's JVM: the inference is a Java call, timed with nanoTime,
 * and its CPU time is the calling thread's (wasmtime, Chicory, and ONNX Runtime with one intra-op
 * thread all compute on the calling thread). The thread CPU clock is read outside the wall-time
 * interval, so its cost (about a microsecond) shows in the CPU time only.
 */
final class JvmContender implements Contender {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Supplier<List<Tensor>> inference;
    private final AutoCloseable resource;

    JvmContender(Supplier<List<Tensor>> inference, AutoCloseable resource) {
        this.inference = inference;
        this.resource = resource;
    }

    @Override
    public List<Tensor> infer() {
        return inference.get();
    }

    @Override
    public Timings time(int n) {
        long[] wall = new long[n];
        long[] cpu = new long[n];
        for (int i = 0; i < n; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            inference.get();
            wall[i] = System.nanoTime() - start;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        return new Timings(wall, cpu);
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + resource + " failed: " + e.getMessage(), e);
        }
    }
}
