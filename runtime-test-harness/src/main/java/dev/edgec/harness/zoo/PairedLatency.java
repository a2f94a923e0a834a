package dev.edgec.harness.zoo;

import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileResult;
import dev.edgec.harness.bench.LatencyStats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares the speed of several modules of one model (e.g. -O0 and -O1) on a shared, noisy machine.
 * Each round times a batch of {@code run()} calls of every module back to back, in an order that
 * rotates from round to round, and yields one ratio per round (module i over module 0): load from
 * other processes that comes and goes hits both sides of a ratio alike, so the median ratio is far
 * steadier than the ratio of two medians. Time is this thread's CPU time (both runtimes execute on
 * the calling thread), which does not grow when the thread is descheduled.
 */
final class PairedLatency {
    static final String METHOD = "one instance per module and runtime, seeded inputs written once; "
            + "the batch size is set so that a batch takes at least " + PairedLatency.MIN_BATCH_MILLIS
            + " ms of CPU time; after " + PairedLatency.WARMUP_ROUNDS + " untimed rounds (the JVM compiles Chicory's "
            + "interpreter meanwhile), each round times one batch of every module back to back "
            + "(the order rotating each round) in thread CPU time; medians over the rounds, and the median and "
            + "10th–90th percentile of the per-round ratios.";

    private static final long MIN_BATCH_MILLIS = 20;
    private static final int WARMUP_ROUNDS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The 10th, 50th and 90th percentiles of a sample. */
    record Spread(double p10, double median, double p90) {
        static Spread of(double[] values) {
            double[] s = values.clone();
            Arrays.sort(s);
            return new Spread(LatencyStats.percentile(s, 10), LatencyStats.percentile(s, 50),
                    LatencyStats.percentile(s, 90));
        }
    }

    /** Median milliseconds per call of each module, and the spread of module 1's per-round ratio to module 0. */
    record Result(double[] medianMs, Spread ratio) {
    }

    private PairedLatency() {
    }

    static Result measure(WasmRuntime runtime, int rounds, CompileResult... modules) {
        List<ModuleRunner> runners = new ArrayList<>();
        try {
            for (CompileResult c : modules) {
                ModuleRunner runner = new ModuleRunner(c.moduleBytes(), runtime);
                runners.add(runner);
                runner.writeInputs(new ArrayList<>(ZooEvaluation.inputs(c, 1).values()));
            }
            int batch = batchSize(runners.get(0));
            double[][] perCall = new double[modules.length][rounds];
            for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
                for (int j = 0; j < modules.length; j++) {
                    int m = Math.floorMod(j + round, modules.length);
                    double ms = cpuMillis(runners.get(m), batch) / batch;
                    if (round >= 0) {
                        perCall[m][round] = ms;
                    }
                }
            }
            double[] medians = new double[modules.length];
            for (int m = 0; m < modules.length; m++) {
                medians[m] = Spread.of(perCall[m]).median();
            }
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = perCall[1][r] / perCall[0][r];
            }
            return new Result(medians, Spread.of(ratios));
        } finally {
            runners.forEach(ModuleRunner::close);
        }
    }

    /** Calls per batch so that a batch takes at least {@link #MIN_BATCH_MILLIS} of CPU time. */
    private static int batchSize(ModuleRunner runner) {
        cpuMillis(runner, 3);
        double one = Math.max(cpuMillis(runner, 3) / 3, 1e-3);
        return (int) Math.max(1, Math.ceil(MIN_BATCH_MILLIS / one));
    }

    private static double cpuMillis(ModuleRunner runner, int calls) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            int status = runner.instance().call("run");
            if (status != 0) {
                throw new IllegalStateException("run() returned " + status);
            }
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }
}
