package dev.edgec.harness.zoo;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per zoo model, what the optimizer buys as Markdown tables: module bytes and arena bytes at
 * -O0 and -O1 with the -O1 arena over the lower bound of its execution order (the largest total size
 * of tensors live at one step), then the latency of {@code run()} at both levels in wasmtime and in
 * Chicory as {@link PairedLatency} measures it. Arguments: the number of timed rounds (default 21), then
 * optionally the zoo file names to measure (default all).
 */
public final class OptimizationTable {

    private OptimizationTable() {
    }

    public static void main(String[] args) {
        List<ZooModel> models = Zoo.all();
        if (args.length > 1) {
            List<String> names = List.of(args).subList(1, args.length);
            models = models.stream().filter(m -> names.contains(m.fileName())).toList();
        }
        print(System.out, args.length > 0 ? Integer.parseInt(args[0]) : 21, models);
    }

    public static void print(PrintStream out, int rounds, List<ZooModel> models) {
        List<CompileResult[]> levels = new ArrayList<>();
        out.println("| model | module bytes -O0 | -O1 | arena bytes -O0 | -O1 | -O1 arena / lower bound |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (ZooModel m : models) {
            byte[] onnx = ZooFiles.read(m);
            CompileResult o0 = new Compiler().compile(onnx, CompileOptions.defaults().withOptimizationLevel(0));
            CompileResult o1 = new Compiler().compile(onnx, CompileOptions.defaults().withOptimizationLevel(1));
            levels.add(new CompileResult[] {o0, o1});
            long bound = o1.assembled().arena().lowerBound();
            out.println(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %.3f |", m.fileName(),
                    o0.moduleBytes().length, o1.moduleBytes().length, o0.assembled().arena().size(),
                    o1.assembled().arena().size(), bound == 0 ? 1.0 : (double) o1.assembled().arena().size() / bound));
        }
        out.println();
        out.println("| model | runtime | median ms -O0 | -O1 | -O1 / -O0 (median) | p10–p90 of the ratio |");
        out.println("|---|---|---:|---:|---:|---|");
        for (int i = 0; i < models.size(); i++) {
            for (WasmRuntime runtime : List.of(new WasmtimeRuntime(), new ChicoryRuntime())) {
                PairedLatency.Result r = PairedLatency.measure(runtime, rounds, levels.get(i));
                out.println(String.format(Locale.ROOT, "| `%s` | %s | %.3f | %.3f | %.3f | %.3f–%.3f |",
                        models.get(i).fileName(), runtime.name(), r.medianMs()[0], r.medianMs()[1],
                        r.ratio().median(), r.ratio().p10(), r.ratio().p90()));
            }
        }
        out.println();
        out.println("Latency: " + PairedLatency.METHOD);
    }
}
