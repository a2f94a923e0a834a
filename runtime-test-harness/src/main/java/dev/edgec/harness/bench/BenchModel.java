package dev.edgec.harness.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.edgec.core.CompileResult;
import dev.edgec.harness.RandomTensors;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One model ready to benchmark: its ONNX file, edgec's module (null when edgec cannot compile the
 * model; else also written to {@code dir} for the Node host), the benchmark inputs in graph order
 * (written to {@code dir} as raw bytes with an {@code inputs.json} manifest for the Node hosts), and
 * the output types, graph order.
 */
record BenchModel(String name, Path onnxFile, byte[] onnx, CompileResult compiled, Path wasmFile,
                  Map<String, Tensor> inputs, List<TensorType> outputTypes, Path dir) {
    /** The seed of the benchmark inputs: the zoo's first seed (floats uniform in [-1, 1)). */
    static final long SEED = 1L;

    /** The benchmark inputs for inputs of these types (graph order), as the zoo draws them. */
    static Map<String, Tensor> inputsFor(Map<String, TensorType> types) {
        Random rnd = new Random(SEED);
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        types.forEach((name, type) -> inputs.put(name, RandomTensors.of(type, rnd)));
        return inputs;
    }

    static BenchModel prepare(String name, Path onnxFile, byte[] onnx, CompileResult compiled, Map<String, Tensor> inputs,
                              List<TensorType> outputTypes, Path dir) {
        try {
            Files.createDirectories(dir);
            Path wasm = null;
            if (compiled != null) {
                wasm = dir.resolve(name + ".wasm");
                Files.write(wasm, compiled.moduleBytes());
            }
            JsonArray manifest = new JsonArray();
            int i = 0;
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                String file = "input_" + i++ + ".bin";
                Files.write(dir.resolve(file), e.getValue().bytes());
                JsonObject o = new JsonObject();
                o.addProperty("name", e.getKey());
                o.addProperty("dtype", e.getValue().dataType().signatureName());
                JsonArray shape = new JsonArray();
                for (int d : e.getValue().shape().dims()) {
                    shape.add(d);
                }
                o.add("shape", shape);
                o.addProperty("file", file);
                manifest.add(o);
            }
            Files.writeString(dir.resolve("inputs.json"), manifest.toString(), StandardCharsets.UTF_8);
            return new BenchModel(name, onnxFile, onnx, compiled, wasm, inputs, List.copyOf(outputTypes), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark inputs to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The inputs in graph order. */
    List<Tensor> orderedInputs() {
        return new ArrayList<>(inputs.values());
    }
}
