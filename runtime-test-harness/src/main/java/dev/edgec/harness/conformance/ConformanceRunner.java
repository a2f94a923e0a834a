package dev.edgec.harness.conformance;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.ImportOptions;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.onnx.proto.OnnxProto.ValueInfoProto;
import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one ONNX backend test case through edgec: compile {@code model.onnx} with input shapes taken
 * from the first data set, freezing exactly the graph inputs that an operator needs at compile time,
 * then run every data set in Chicory and compare each output with the ONNX backend tolerance.
 */
public final class ConformanceRunner {
    private static final TensorDecoder DECODER = new TensorDecoder(new ExternalDataResolver(null),
            ImportOptions.DEFAULT_MAX_TENSOR_BYTES);

    private final Compiler compiler = new Compiler();
    private final int optimizationLevel;

    /** A runner compiling at the default optimization level. */
    public ConformanceRunner() {
        this(CompileOptions.defaults().optimizationLevel());
    }

    /** A runner compiling at {@code optimizationLevel} (-O0, -O1...). */
    public ConformanceRunner(int optimizationLevel) {
        this.optimizationLevel = optimizationLevel;
    }

    public Outcome run(ConformanceCase c) {
        try {
            return runChecked(c);
        } catch (EdgecException e) {
            return Outcome.fail(FailureCategory.of(e), e.getMessage());
        } catch (IOException e) {
            return Outcome.fail("harness", "cannot read test data: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Outcome.fail("crash", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome runChecked(ConformanceCase c) throws IOException {
        byte[] modelBytes = Files.readAllBytes(c.model());
        ModelProto model = OnnxImporter.parse(modelBytes);
        String nonTensor = nonTensorValue(model);
        if (nonTensor != null) {
            return Outcome.fail("sequence-type", nonTensor);
        }
        if (model.getOpsetImportList().stream().anyMatch(o -> o.getDomain().equals("ai.onnx.preview.training"))) {
            return Outcome.fail("training-op", "uses the ai.onnx.preview.training domain");
        }
        List<String> inputNames = runtimeInputs(model);
        List<Path> dataSets = c.dataSets();
        if (dataSets.isEmpty()) {
            return Outcome.fail("harness", "no test_data_set folder");
        }
        List<Map<String, Tensor>> inputsPerSet = new ArrayList<>();
        List<List<Tensor>> outputsPerSet = new ArrayList<>();
        for (Path set : dataSets) {
            List<Path> ins = ConformanceCase.numbered(set, "input");
            Map<String, Tensor> byName = new LinkedHashMap<>();
            for (int i = 0; i < ins.size() && i < inputNames.size(); i++) {
                byName.put(inputNames.get(i), readTensor(ins.get(i)));
            }
            inputsPerSet.add(byName);
            List<Tensor> outs = new ArrayList<>();
            for (Path p : ConformanceCase.numbered(set, "output")) {
                outs.add(readTensor(p));
            }
            outputsPerSet.add(outs);
        }
        Map<String, Tensor> first = inputsPerSet.get(0);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        first.forEach((name, t) -> shapes.put(name, java.util.Arrays.stream(t.shape().dims()).asLongStream().toArray()));
        Map<String, Tensor> frozen = new LinkedHashMap<>();
        CompileResult compiled = null;
        Set<String> tried = new HashSet<>();
        while (compiled == null) {
            try {
                Map<String, long[]> remaining = new LinkedHashMap<>(shapes);
                frozen.keySet().forEach(remaining::remove);
                compiled = compiler.compile(modelBytes, CompileOptions.defaults().withOptimizationLevel(optimizationLevel)
                        .withInputShapes(remaining).withFrozenInputs(frozen));
            } catch (ConstantInputRequiredException e) {
                String name = e.inputName();
                if (!first.containsKey(name) || !tried.add(name)) {
                    throw e;
                }
                frozen.put(name, first.get(name));
            }
        }
        if (!frozen.isEmpty() && inputsPerSet.size() > 1) {
            for (Map<String, Tensor> set : inputsPerSet.subList(1, inputsPerSet.size())) {
                for (String name : frozen.keySet()) {
                    if (!set.get(name).equals(frozen.get(name))) {
                        return Outcome.fail("data-dependent-shape", "frozen input '" + name + "' differs between data sets");
                    }
                }
            }
        }
        try (ModuleRunner runner = new ModuleRunner(compiled.moduleBytes(), new ChicoryRuntime())) {
            for (int s = 0; s < inputsPerSet.size(); s++) {
                List<Tensor> ordered = new ArrayList<>();
                for (TensorSpec spec : compiled.signature().inputs()) {
                    Tensor t = inputsPerSet.get(s).get(spec.name());
                    if (t == null) {
                        return Outcome.fail("harness", "no data for input '" + spec.name() + "'");
                    }
                    ordered.add(bfloat16Bits(t, spec.dtype()));
                }
                List<Tensor> actual = runner.run(ordered);
                List<Tensor> expected = outputsPerSet.get(s);
                if (actual.size() != expected.size()) {
                    return Outcome.fail("wrong-result", "module has " + actual.size() + " outputs, test data " + expected.size());
                }
                for (int o = 0; o < expected.size(); o++) {
                    String why = Tolerance.ONNX_BACKEND.mismatch(actual.get(o),
                            bfloat16Bits(expected.get(o), actual.get(o).dataType()));
                    if (why != null) {
                        return Outcome.fail("wrong-result", "data set " + s + ", output " + o + ": " + why);
                    }
                }
            }
        }
        return Outcome.pass();
    }

    /** A message naming the first graph input or output that is a sequence, map or optional, or null. */
    static String nonTensorValue(ModelProto m) {
        List<ValueInfoProto> values = new ArrayList<>(m.getGraph().getInputList());
        values.addAll(m.getGraph().getOutputList());
        for (ValueInfoProto v : values) {
            if (v.hasType() && !v.getType().hasTensorType()) {
                return "graph value '" + v.getName() + "' is a " + v.getType().getValueCase().name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }

    /** Graph inputs the host must supply: declared inputs that are not initializers. */
    static List<String> runtimeInputs(ModelProto m) {
        Set<String> initializers = new HashSet<>();
        m.getGraph().getInitializerList().forEach(t -> initializers.add(t.getName()));
        List<String> out = new ArrayList<>();
        for (ValueInfoProto v : m.getGraph().getInputList()) {
            if (!initializers.contains(v.getName())) {
                out.add(v.getName());
            }
        }
        return out;
    }

    /**
     * ONNX 1.12's test generator saved bfloat16 tensors with element type uint16 (numpy has no
     * bfloat16); the bits are the bfloat16 values, so such a tensor is read as the bfloat16 it stands for.
     */
    static Tensor bfloat16Bits(Tensor t, DataType declared) {
        if (declared == DataType.BFLOAT16 && t.dataType() == DataType.UINT16) {
            return Tensor.of(new TensorType(DataType.BFLOAT16, t.shape()), t.bytes());
        }
        return t;
    }

    static Tensor readTensor(Path pb) throws IOException {
        TensorProto t = TensorProto.parseFrom(Files.readAllBytes(pb));
        return DECODER.decode(t, pb.getFileName().toString());
    }
}
