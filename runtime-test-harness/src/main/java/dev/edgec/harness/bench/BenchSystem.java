package dev.edgec.harness.bench;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The systems measured side by side, in table order; edgec in wasmtime is the baseline (ratio 1.0). */
enum BenchSystem {
    EDGEC_WASMTIME("edgec · wasmtime", "edgec's module in wasmtime (Cranelift, compiled) through wasmtime-java"),
    EDGEC_V8("edgec · Node V8", "edgec's module in Node's V8 (TurboFan), host script `edgec-host.mjs` using the ABI only"),
    EDGEC_CHICORY("edgec · Chicory", "edgec's module in Chicory's pure-Java interpreter"),
    ORT_JAVA("ONNX Runtime Java", "ONNX Runtime (Java API, native CPU provider, one thread, all graph optimizations)"),
    ORT_WEB("onnxruntime-web · Node", "onnxruntime-web's wasm backend in Node, one thread; SIMD build "
            + "(`ort-wasm-simd-threaded.wasm`): the package ships no build without SIMD");

    private final String label;
    private final String description;

    BenchSystem(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }

    /** Starts this system on {@code model}; {@code nodeDir} holds the Node host scripts. */
    Contender start(BenchModel model, Path nodeDir) {
        return switch (this) {
            case EDGEC_WASMTIME -> wasm(model, new WasmtimeRuntime());
            case EDGEC_CHICORY -> wasm(model, new ChicoryRuntime());
            case EDGEC_V8 -> new NodeContender(nodeDir.resolve("edgec-host.mjs"), module(model).wasmFile(), model.dir(),
                    model.outputTypes());
            case ORT_JAVA -> ortJava(model.onnx(), model.inputs());
            case ORT_WEB -> new NodeContender(nodeDir.resolve("ort-web-host.mjs"), model.onnxFile(), model.dir(),
                    model.outputTypes());
        };
    }

    boolean isEdgec() {
        return this == EDGEC_WASMTIME || this == EDGEC_V8 || this == EDGEC_CHICORY;
    }

    private static BenchModel module(BenchModel model) {
        if (model.compiled() == null) {
            throw new IllegalStateException("edgec cannot compile the model");
        }
        return model;
    }

    private static Contender wasm(BenchModel model, WasmRuntime runtime) {
        ModuleRunner runner = new ModuleRunner(module(model).compiled().moduleBytes(), runtime);
        List<Tensor> inputs = model.orderedInputs();
        return new JvmContender(() -> runner.run(inputs), runner);
    }

    private static Contender ortJava(byte[] onnx, Map<String, Tensor> inputs) {
        OrtReference ort = new OrtReference(onnx);
        return new JvmContender(() -> ort.run(inputs), ort);
    }
}
