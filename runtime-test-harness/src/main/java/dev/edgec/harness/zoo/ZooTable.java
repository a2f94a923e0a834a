package dev.edgec.harness.zoo;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.harness.zoo.ZooEvaluation.RuntimeResult;
import dev.edgec.models.Zoo;
import dev.edgec.models.ZooModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the zoo as a Markdown table (for {@code docs/zoo.md}): per model its nodes, parameters,
 * ONNX file size, module size with its code and data sections, and the largest absolute error
 * against ONNX Runtime over the zoo's seeded inputs in each runtime. A model edgec cannot compile yet
 * gets a row saying why. Arguments: {@code --no-chicory} skips the (slow) interpreter runs.
 */
public final class ZooTable {
    private ZooTable() {
    }

    public static void main(String[] args) {
        boolean chicory = !List.of(args).contains("--no-chicory");
        print(System.out, chicory);
    }

    public static void print(PrintStream out, boolean withChicory) {
        out.println("| model | nodes | parameters | ONNX bytes | module bytes | code | data "
                + "| max abs error (wasmtime) | max abs error (Chicory) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (ZooModel m : Zoo.all()) {
            out.println(row(m, withChicory));
        }
        out.println();
        out.println("Inputs: seeds " + ZooEvaluation.SEEDS + ", floats uniform in [-1, 1); bound "
                + "max|err| ≤ 1e-4·max|ref| + 1e-5 (Tolerance.ZOO).");
    }

    static String row(ZooModel m, boolean withChicory) {
        byte[] onnx = ZooFiles.read(m);
        ModelProto proto = parse(onnx);
        List<String> cells = new ArrayList<>();
        cells.add("`" + m.fileName() + "`");
        cells.add(Integer.toString(proto.getGraph().getNodeCount()));
        cells.add(Long.toString(parameters(proto)));
        cells.add(Integer.toString(onnx.length));
        CompileResult compiled;
        try {
            compiled = new Compiler().compile(onnx, CompileOptions.defaults());
        } catch (RuntimeException e) {
            cells.add("not compiled: " + shorten(e.getMessage()));
            cells.addAll(List.of("", "", "", ""));
            return "| " + String.join(" | ", cells) + " |";
        }
        cells.add(Integer.toString(compiled.moduleBytes().length));
        cells.add(Integer.toString(compiled.assembled().module().sectionSize("code")));
        cells.add(Integer.toString(compiled.assembled().module().sectionSize("data")));
        cells.add(error(onnx, compiled, new WasmtimeRuntime()));
        cells.add(withChicory ? error(onnx, compiled, new ChicoryRuntime()) : "not run");
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String error(byte[] onnx, CompileResult compiled, WasmRuntime runtime) {
        try {
            RuntimeResult r = ZooEvaluation.evaluate(onnx, compiled, runtime, ZooEvaluation.SEEDS, Tolerance.ZOO);
            String e = String.format(Locale.ROOT, "%.2e", r.maxAbsError());
            return r.matches() ? e : e + " (over the bound)";
        } catch (RuntimeException e) {
            return "failed: " + shorten(e.getMessage());
        }
    }

    /** One table cell: no pipes, at most 100 characters. */
    private static String shorten(String message) {
        String s = String.valueOf(message).replace('|', '/');
        return s.length() <= 100 ? s : s.substring(0, 99) + "…";
    }

    private static ModelProto parse(byte[] onnx) {
        try {
            return ModelProto.parseFrom(onnx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Elements of all initializers. */
    static long parameters(ModelProto model) {
        long total = 0;
        for (TensorProto t : model.getGraph().getInitializerList()) {
            long n = 1;
            for (long d : t.getDimsList()) {
                n *= d;
            }
            total += n;
        }
        return total;
    }
}
