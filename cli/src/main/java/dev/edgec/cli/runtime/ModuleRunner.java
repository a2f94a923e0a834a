package dev.edgec.cli.runtime;

import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.SectionReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an edgec module through its ABI alone: reads {@code edgec.signature}, writes inputs at
 * {@code input_ptr(i)}, calls {@code run()}, reads outputs at {@code output_ptr(i)}. Works with any
 * {@link WasmRuntime}.
 */
public final class ModuleRunner implements AutoCloseable {
    private final ModuleSignature signature;
    private final WasmInstance instance;

    public ModuleRunner(byte[] wasm, WasmRuntime runtime) {
        this.signature = readSignature(wasm);
        this.instance = runtime.instantiate(wasm);
    }

    public static ModuleSignature readSignature(byte[] wasm) {
        byte[] json;
        try {
            json = SectionReader.customSection(wasm, ModuleSignature.SECTION_NAME)
                    .orElseThrow(() -> new ModuleRunException("the module has no " + ModuleSignature.SECTION_NAME
                            + " section; was it compiled by edgec?"));
        } catch (IllegalArgumentException e) {
            throw new ModuleRunException("not a WebAssembly module: " + e.getMessage());
        }
        try {
            return ModuleSignature.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ModuleRunException(e.getMessage());
        }
    }

    public ModuleSignature signature() {
        return signature;
    }

    public WasmInstance instance() {
        return instance;
    }

    /** Writes inputs (in signature order), runs, and returns outputs in signature order. */
    public List<Tensor> run(List<Tensor> inputs) {
        writeInputs(inputs);
        int status = instance.call("run");
        if (status != 0) {
            RunStatus known = RunStatus.of(status);
            throw new ModuleRunException("run() returned error code " + status
                    + (known != null ? " (" + known.meaning() + ")" : " (not a code ABI v1 defines)"));
        }
        return readOutputs();
    }

    public void writeInputs(List<Tensor> inputs) {
        List<TensorSpec> specs = signature.inputs();
        if (inputs.size() != specs.size()) {
            throw new ModuleRunException("the module takes " + specs.size() + " inputs, got " + inputs.size());
        }
        for (int i = 0; i < specs.size(); i++) {
            TensorSpec s = specs.get(i);
            Tensor t = inputs.get(i);
            if (!t.type().equals(s.type())) {
                throw new ModuleRunException("input '" + s.name() + "' must be " + s.type() + ", got " + t.type());
            }
            instance.write(instance.call("input_ptr", i), t.bytes());
        }
    }

    public List<Tensor> readOutputs() {
        List<Tensor> out = new ArrayList<>();
        List<TensorSpec> specs = signature.outputs();
        for (int i = 0; i < specs.size(); i++) {
            TensorSpec s = specs.get(i);
            int at = instance.call("output_ptr", i);
            out.add(Tensor.of(s.type(), instance.read(at, (int) s.byteSize())));
        }
        return out;
    }

    @Override
    public void close() {
        instance.close();
    }
}
