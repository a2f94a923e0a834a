package dev.edgec.harness.zoo;

import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per zoo model, what the optimizer buys as a Markdown table: module bytes and arena bytes
 * at -O0 and -O1, the -O1 arena over the lower bound of its execution order (the largest total size
 * of tensors live at one step), and the median latency of {@code run()} in wasmtime at both levels.
 * Argument: the number of timed runs per model and level (default 31, after 5 untimed ones).
 */
public final class OptimizationTable {
    private static final int WARMUP = 5;

    private OptimizationTable() {
    }

    public static void main(String[] args) {
        print(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 31);
    }

    public static void print(PrintStream out, int runs) {
        out.println("| model | module bytes -O0 | -O1 | arena bytes -O0 | -O1 | -O1 arena / lower bound "
                + "| median ms -O0 | -O1 |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (ZooModel m : Zoo.all()) {
            byte[] onnx = ZooFiles.read(m);
            CompileResult o0 = new Compiler().compile(onnx, CompileOptions.defaults().withOptimizationLevel(0));
            CompileResult o1 = new Compiler().compile(onnx, CompileOptions.defaults().withOptimizationLevel(1));
            long bound = o1.assembled().arena().lowerBound();
            double[] ms = medianMillis(runs, o0, o1);
            out.println(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %.3f | %.3f | %.3f |", m.fileName(),
                    o0.moduleBytes().length, o1.moduleBytes().length, o0.assembled().arena().size(),
                    o1.assembled().arena().size(), bound == 0 ? 1.0 : (double) o1.assembled().arena().size() / bound,
                    ms[0], ms[1]));
        }
        out.println();
        out.println("Latency: one wasmtime instance per module, seeded inputs written once, " + WARMUP
                + " untimed runs, then the median of " + runs + " timed calls of run(), the -O0 and -O1 modules' calls alternating.");
    }

    /**
     * Median wall time of one {@code run()} call in wasmtime for each module. The modules' calls
     * alternate, so that load from other processes on the machine hits every module alike.
     */
    static double[] medianMillis(int runs, CompileResult... compiled) {
        List<ModuleRunner> runners = new ArrayList<>();
        try {
            for (CompileResult c : compiled) {
                ModuleRunner runner = new ModuleRunner(c.moduleBytes(), new WasmtimeRuntime());
                runners.add(runner);
                runner.writeInputs(new ArrayList<>(ZooEvaluation.inputs(c, 1).values()));
            }
            long[][] times = new long[compiled.length][runs];
            for (int i = -WARMUP; i < runs; i++) {
                for (int m = 0; m < compiled.length; m++) {
                    long start = System.nanoTime();
                    int status = runners.get(m).instance().call("run");
                    long t = System.nanoTime() - start;
                    if (status != 0) {
                        throw new IllegalStateException("run() returned " + status);
                    }
                    if (i >= 0) {
                        times[m][i] = t;
                    }
                }
            }
            double[] medians = new double[compiled.length];
            for (int m = 0; m < compiled.length; m++) {
                Arrays.sort(times[m]);
                medians[m] = times[m][runs / 2] / 1e6;
            }
            return medians;
        } finally {
            runners.forEach(ModuleRunner::close);
        }
    }
}
