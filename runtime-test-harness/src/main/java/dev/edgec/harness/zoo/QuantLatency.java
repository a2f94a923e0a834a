package dev.edgec.harness.zoo;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileResult;
import dev.edgec.harness.WasmtimeRuntime;
import java.util.List;

/**
 * Paired int8/float latency of zoo models ({@link PairedLatency}): per model, the float module and the
 * module of {@code edgec compile --quantize int8 --calibration random:8} (the CLI's code path, as the
 * int8 benchmark compiles it), timed in interleaved rounds in Chicory and in wasmtime.
 * {@code java ... dev.edgec.harness.zoo.QuantLatency [rounds] [model ...]} (default 15 rounds, the
 * convolutional zoo models).
 */
public final class QuantLatency {
    private QuantLatency() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        List<String> models = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("lenet", "ds_cnn", "resnet8", "mobilenet_v1_025");
        System.out.println("model | int8 B | Chicory float ms | Chicory int8 ms | Chicory int8/float (p10–p90) "
                + "| wasmtime float ms | wasmtime int8 ms | wasmtime int8/float (p10–p90)");
        for (String name : models) {
            FloatAndInt8Modules modules = FloatAndInt8Modules.zoo(name);
            CompileResult floatModule = modules.floatModule();
            CompileResult int8Module = modules.int8Module();
            StringBuilder line = new StringBuilder(name + " | " + int8Module.moduleBytes().length);
            for (WasmRuntime rt : List.of(new ChicoryRuntime(), new WasmtimeRuntime())) {
                PairedLatency.Result r = PairedLatency.measure(rt, rounds, floatModule, int8Module);
                line.append(String.format(" | %.3f | %.3f | %.2f (%.2f–%.2f)", r.medianMs()[0], r.medianMs()[1],
                        r.ratio().median(), r.ratio().p10(), r.ratio().p90()));
            }
            System.out.println(line);
        }
    }
}
