package dev.edgec.harness.fuzz;

import dev.edgec.cli.quant.PostTrainingQuantization;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.core.quant.ptq.CalibrationMethod;
import dev.edgec.core.report.CompileReport;
import dev.edgec.core.report.NodeReport;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.WabtValidator;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.EdgecException;
import java.util.ArrayList;

/**
 * What the fuzzer demands of the compiler on any bytes (compiled from a {@link FuzzFolder}): either
 * edgec's own error with a message, or a module that holds no byte from outside the model's folder,
 * validates under the MVP profile, and whose {@code run()} returns a
 * status {@link RunStatus} defines on random inputs. Runs modules in wasmtime: a compiled runtime
 * keeps a 20,000-case run to hours instead of days (Chicory interprets; the zoo takes seconds each).
 */
final class FuzzOracle {
    private static final OperatorRegistry REGISTRY = OperatorRegistry.standard();
    /** One folder per thread: a timed-out case may still be writing its own. */
    private static final ThreadLocal<FuzzFolder> FOLDER = ThreadLocal.withInitial(FuzzFolder::new);
    private static final boolean WABT = WabtValidator.available();
    private static final WasmRuntime RUNTIME = new WasmtimeRuntime();
    /** Work above which a module is compiled and validated but not run: ~1 s in wasmtime on this machine. */
    private static final long MAX_RUN_WORK = 300_000_000L;
    /** Work above which a mutant is not quantized: calibration interprets it in Chicory, ~1 s a run here. */
    private static final long MAX_CALIBRATION_WORK = 20_000_000L;

    /** What went wrong: {@code signature} groups failures of one cause (no numbers, no names). */
    record Problem(String signature, String message) {
    }

    /** How a case ended ("refused INVALID_MODEL", "ran", "validated only"…) and its problem, if any. */
    record Verdict(String outcome, Problem problem, String detail) {
        Verdict(String outcome, Problem problem) {
            this(outcome, problem, problem == null ? "" : problem.message());
        }
    }

    private FuzzOracle() {
    }

    /** Null when the compiler behaved on {@code model}. */
    static Problem check(byte[] model) {
        return judge(model).problem();
    }

    static Verdict judge(byte[] model) {
        CompileResult compiled;
        try {
            compiled = compile(FOLDER.get().write(model), options(model));
        } catch (EdgecException e) {
            if (e.kind() == EdgecException.Kind.INTERNAL) {
                return new Verdict("internal error", thrown("internal error", e));
            }
            return new Verdict("refused " + e.kind(), e.getMessage() == null || e.getMessage().isBlank()
                    ? thrown("error without a message", e) : null, String.valueOf(e.getMessage()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Verdict("crashed", thrown("compiler threw", e));
        }
        if (FuzzFolder.leaksSecret(compiled.moduleBytes())) {
            return new Verdict("compiled", new Problem("external data escaped the model's folder",
                    "the module holds bytes of ../secret.bin"));
        }
        return new Verdict("compiled", checkModule(compiled));
    }

    /**
     * {@code -Dedgec.fuzz.quantize=int8} (or {@code integer-only}) puts every case through post-training
     * quantization first, as {@code compile --quantize int8 --calibration random:2 [--integer-only]}: the
     * quantizer and calibration then meet the mutants too.
     */
    private static final String QUANTIZE = System.getProperty("edgec.fuzz.quantize", "");

    private static CompileResult compile(java.nio.file.Path model, CompileOptions options) {
        Compiler compiler = new Compiler();
        CompileResult plain = compiler.compile(model, options);
        if (QUANTIZE.isEmpty() || work(plain) > MAX_CALIBRATION_WORK) {
            return plain; // calibration runs the model in Chicory: a mutant too big to run is not quantized
        }
        boolean integerOnly = QUANTIZE.equals("integer-only");
        byte[] qdq = PostTrainingQuantization.quantize(compiler, model, options, "random:2", CalibrationMethod.MINMAX, 99.99,
                integerOnly).quantizedModel();
        return compiler.compile(qdq, options.withIntegerOnly(integerOnly));
    }

    /**
     * Varies what the options reach, deterministically per mutant: a quarter of the cases compile
     * without optimization passes (-O0), and an eighth under a 4 KiB {@code --max-tensor-bytes}.
     */
    static CompileOptions options(byte[] model) {
        int h = java.util.Arrays.hashCode(model);
        CompileOptions o = CompileOptions.defaults();
        if ((h & 3) == 0) {
            o = o.withOptimizationLevel(0);
        }
        if ((h >>> 2 & 7) == 0) {
            o = o.withMaxTensorBytes(4096);
        }
        return o;
    }

    private static Problem checkModule(CompileResult compiled) {
        byte[] wasm = compiled.moduleBytes();
        if (WABT) {
            String invalid = WabtValidator.validateMvp(wasm);
            if (invalid != null) {
                return new Problem("invalid module: " + generic(invalid), "module does not validate: " + invalid);
            }
        }
        if (work(compiled) > MAX_RUN_WORK) {
            return null; // a mutant with a batch of 65536 images is valid, just slow to run
        }
        try (ModuleRunner runner = new ModuleRunner(wasm, RUNTIME)) {
            runner.writeInputs(new ArrayList<>(ModelCheck.randomInputs(compiled, 1).values()));
            int status = runner.instance().call("run");
            if (RunStatus.of(status) == null) {
                return new Problem("undocumented run() status", "run() returned " + status + ", which ABI v1 does not define");
            }
        } catch (RuntimeException e) {
            return new Problem("module failed to run: " + generic(String.valueOf(e.getMessage())), "module failed to run: " + e);
        }
        return null;
    }

    /** MACs plus elements written, over all nodes: a rough count of the instructions run() executes. */
    private static long work(CompileResult compiled) {
        CompileReport report = CompileReport.of(compiled, REGISTRY);
        long work = 0;
        for (NodeReport n : report.nodes()) {
            work += n.macs() + n.output().shape().elementCount();
        }
        return work;
    }

    private static Problem thrown(String what, Throwable e) {
        String where = "";
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("dev.edgec")) {
                where = " at " + f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber();
                break;
            }
        }
        return new Problem(what + " " + e.getClass().getName() + where, what + " " + e + where);
    }

    /** The message without numbers and quoted names, so failures with one cause share a signature. */
    private static String generic(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.replaceAll("'[^']*'", "'_'").replaceAll("\\d+", "N");
    }
}
