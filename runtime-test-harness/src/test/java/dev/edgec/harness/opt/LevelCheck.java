package dev.edgec.harness.opt;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;

/** Compiles a model at -O0 and -O1 and checks both against ONNX Runtime on the same seeded inputs. */
final class LevelCheck {
    private LevelCheck() {
    }

    static CompileResult compile(byte[] model, int level) {
        return new Compiler().compile(model, CompileOptions.defaults().withOptimizationLevel(level));
    }

    /** Null when both levels match ONNX Runtime in Chicory, else what differs (and at which level). */
    static String mismatchAtBothLevels(byte[] model, long seed) {
        for (int level = 0; level <= 1; level++) {
            CompileResult compiled = compile(model, level);
            String why = ModelCheck.mismatch(model, compiled, ModelCheck.randomInputs(compiled, seed),
                    Tolerance.ONNX_BACKEND, new ChicoryRuntime());
            if (why != null) {
                return "-O" + level + ": " + why;
            }
        }
        return null;
    }
}
