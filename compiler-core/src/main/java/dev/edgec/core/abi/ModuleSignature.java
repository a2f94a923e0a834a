package dev.edgec.core.abi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code edgec.signature} custom section (ABI v1): inputs and outputs in graph order, where the
 * model came from, and how it was compiled. Written with sorted option keys so that modules are
 * byte-for-byte deterministic.
 */
public record ModuleSignature(List<TensorSpec> inputs, List<TensorSpec> outputs, String modelSha256, int opset,
                              String producer, String compilerVersion, Map<String, String> options) {
    public static final String SECTION_NAME = "edgec.signature";
    public static final int ABI_VERSION = 1;

    public ModuleSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        options = new TreeMap<>(options);
    }

    public byte[] toJsonBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("abi", ABI_VERSION);
        root.add("inputs", specs(inputs));
        root.add("outputs", specs(outputs));
        JsonObject model = new JsonObject();
        model.addProperty("sha256", modelSha256);
        model.addProperty("opset", opset);
        model.addProperty("producer", producer);
        root.add("model", model);
        JsonObject compiler = new JsonObject();
        compiler.addProperty("name", "edgec");
        compiler.addProperty("version", compilerVersion);
        JsonObject opts = new JsonObject();
        options.forEach(opts::addProperty);
        compiler.add("options", opts);
        root.add("compiler", compiler);
        return root.toString();
    }

    private static JsonArray specs(List<TensorSpec> specs) {
        JsonArray a = new JsonArray();
        for (TensorSpec s : specs) {
            JsonObject o = new JsonObject();
            o.addProperty("name", s.name());
            o.addProperty("dtype", s.dtype().signatureName());
            JsonArray shape = new JsonArray();
            for (int d : s.shape().dims()) {
                shape.add(d);
            }
            o.add("shape", shape);
            if (s.scale() != null) {
                o.addProperty("scale", s.scale());
                o.addProperty("zero_point", s.zeroPoint());
            }
            a.add(o);
        }
        return a;
    }

    /** Reads a signature back; a malformed one is an {@link IllegalArgumentException} with the reason. */
    public static ModuleSignature parse(byte[] json) {
        try {
            JsonObject root = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
            int abi = root.get("abi").getAsInt();
            if (abi != ABI_VERSION) {
                throw new IllegalArgumentException("signature ABI version " + abi + " is not " + ABI_VERSION);
            }
            JsonObject model = root.getAsJsonObject("model");
            JsonObject compiler = root.getAsJsonObject("compiler");
            Map<String, String> opts = new TreeMap<>();
            compiler.getAsJsonObject("options").entrySet().forEach(e -> opts.put(e.getKey(), e.getValue().getAsString()));
            return new ModuleSignature(readSpecs(root.getAsJsonArray("inputs")), readSpecs(root.getAsJsonArray("outputs")),
                    model.get("sha256").getAsString(), model.get("opset").getAsInt(), model.get("producer").getAsString(),
                    compiler.get("version").getAsString(), opts);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("malformed edgec.signature: " + e.getMessage(), e);
        }
    }

    private static List<TensorSpec> readSpecs(JsonArray a) {
        List<TensorSpec> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            JsonArray sh = o.getAsJsonArray("shape");
            int[] dims = new int[sh.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = sh.get(i).getAsInt();
            }
            Double scale = o.has("scale") ? o.get("scale").getAsDouble() : null;
            Long zp = o.has("zero_point") ? o.get("zero_point").getAsLong() : null;
            out.add(new TensorSpec(o.get("name").getAsString(), DataType.fromSignatureName(o.get("dtype").getAsString()),
                    Shape.of(dims), scale, zp));
        }
        return out;
    }
}
