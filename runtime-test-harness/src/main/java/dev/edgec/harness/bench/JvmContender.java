package dev.edgec.harness.bench;

import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.function.Supplier;

/** A system that runs inside the benchmark's JVM: the inference is a Java call timed with nanoTime. */
final class JvmContender implements Contender {
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
    public long[] time(int n) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            inference.get();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
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
