package dev.edgec.cli.report;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.edgec.cli.CliException;
import dev.edgec.cli.io.ModuleFile;
import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.wasm.SectionReader.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code edgec inspect} shows about a module: its signature, section sizes, memory and exports,
 * as text for people or JSON for scripts.
 */
public final class ModuleReport {
    private static final int CUSTOM = 0;
    private static final int CODE = 10;
    private static final int DATA = 11;

    /** One export: its name and kind ({@code function}, {@code memory}, {@code table}, {@code global}). */
    public record ExportEntry(String name, String kind) {
    }

    private final ModuleFile file;
    private final int memoryPages;
    private final List<ExportEntry> exports;

    private ModuleReport(ModuleFile file, int memoryPages, List<ExportEntry> exports) {
        this.file = file;
        this.memoryPages = memoryPages;
        this.exports = List.copyOf(exports);
    }

    /** Decodes the module with Chicory's parser for its memory and exports; a malformed module is an invalid-module error. */
    public static ModuleReport of(ModuleFile file) {
        WasmModule m;
        try {
            m = Parser.parse(file.bytes());
        } catch (ChicoryException e) {
            throw CliException.invalidModule("'" + file.path() + "' is not a valid WebAssembly module: " + e.getMessage());
        }
        int pages = m.memorySection().filter(s -> s.memoryCount() > 0)
                .map(s -> s.getMemory(0).limits().initialPages()).orElse(0);
        List<ExportEntry> exports = new ArrayList<>();
        ExportSection es = m.exportSection();
        for (int i = 0; i < es.exportCount(); i++) {
            Export e = es.getExport(i);
            String kind = e.exportType().name().toLowerCase(Locale.ROOT);
            exports.add(new ExportEntry(e.name(), kind));
        }
        return new ModuleReport(file, pages, exports);
    }

    public long codeBytes() {
        return file.sectionBytes(CODE);
    }

    public long dataBytes() {
        return file.sectionBytes(DATA);
    }

    public long customBytes() {
        return file.sectionBytes(CUSTOM);
    }

    public long totalBytes() {
        return file.bytes().length;
    }

    public int memoryPages() {
        return memoryPages;
    }

    public List<ExportEntry> exports() {
        return exports;
    }

    public List<String> textLines() {
        List<String> out = new ArrayList<>();
        out.add("module: " + file.path() + " (" + totalBytes() + " bytes)");
        if (file.signature().isPresent()) {
            ModuleSignature s = file.signature().get();
            out.add("inputs:");
            s.inputs().forEach(t -> out.add("  " + spec(t)));
            out.add("outputs:");
            s.outputs().forEach(t -> out.add("  " + spec(t)));
            out.add("model: sha256 " + s.modelSha256() + ", opset " + s.opset() + ", producer '" + s.producer() + "'");
            out.add("compiler: edgec " + s.compilerVersion() + ", options " + s.options().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
        } else {
            out.add("signature: none (no " + ModuleSignature.SECTION_NAME + " section; not compiled by edgec)");
        }
        out.add("sections: code " + codeBytes() + ", data " + dataBytes() + ", custom " + customBytes() + ", total "
                + totalBytes() + " bytes");
        for (Section c : file.sections()) {
            if (c.id() == CUSTOM) {
                out.add("  custom '" + c.name() + "': " + c.totalBytes() + " bytes");
            }
        }
        out.add("memory: " + memoryPages + " page" + (memoryPages == 1 ? "" : "s") + " (" + memoryPages * 65536L
                + " bytes)");
        out.add("exports: " + exports.stream().map(e -> e.name() + " (" + e.kind() + ")").collect(Collectors.joining(", ")));
        return out;
    }

    private static String spec(TensorSpec t) {
        String q = t.scale() == null ? "" : "  scale " + Numbers.format(t.scale()) + " zero_point " + t.zeroPoint();
        return t.name() + ": " + t.dtype().signatureName() + " [" + java.util.Arrays.stream(t.shape().dims())
                .mapToObj(String::valueOf).collect(Collectors.joining(", ")) + "]" + q;
    }

    /** The report as one line of JSON; {@code signature} is the module's own section, verbatim. */
    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("file", file.path().toString());
        root.add("signature", file.signatureJson().map(JsonParser::parseString).orElse(null));
        JsonObject sections = new JsonObject();
        sections.addProperty("code", codeBytes());
        sections.addProperty("data", dataBytes());
        sections.addProperty("custom", customBytes());
        sections.addProperty("total", totalBytes());
        JsonArray custom = new JsonArray();
        for (Section c : file.sections()) {
            if (c.id() == CUSTOM) {
                JsonObject o = new JsonObject();
                o.addProperty("name", c.name());
                o.addProperty("bytes", c.totalBytes());
                custom.add(o);
            }
        }
        sections.add("custom_sections", custom);
        root.add("sections", sections);
        JsonObject memory = new JsonObject();
        memory.addProperty("pages", memoryPages);
        memory.addProperty("bytes", memoryPages * 65536L);
        root.add("memory", memory);
        JsonArray ex = new JsonArray();
        for (ExportEntry e : exports) {
            JsonObject o = new JsonObject();
            o.addProperty("name", e.name());
            o.addProperty("kind", e.kind());
            ex.add(o);
        }
        root.add("exports", ex);
        return new GsonBuilder().serializeNulls().create().toJson(root);
    }
}
