package dev.edgec.core;

import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.lower.AssembledModule;
import dev.edgec.core.lower.ModuleAssembler;
import dev.edgec.core.onnx.EdgecUsageException;
import dev.edgec.core.onnx.ImportedModel;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Graph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import dev.edgec.opt.PassManager;

/** The compile driver: import, optimize, lower, encode. */
public final class Compiler {
    private final OperatorRegistry registry;
    private final Consumer<String> dumpSink;

    public Compiler() {
        this(OperatorRegistry.standard());
    }

    public Compiler(OperatorRegistry registry) {
        this(registry, System.err::print);
    }

    /** @param dumpSink where {@code --dump-ir-after} text goes */
    public Compiler(OperatorRegistry registry, Consumer<String> dumpSink) {
        this.registry = registry;
        this.dumpSink = dumpSink;
    }

    public OperatorRegistry registry() {
        return registry;
    }

    /** Compiles a model file; external data is looked up beside it. */
    public CompileResult compile(Path model, CompileOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new ModelFileException("model file '" + model + "' does not exist");
        } catch (IOException e) {
            throw new ModelFileException("cannot read model file '" + model + "': " + e.getMessage());
        }
        Path dir = model.toAbsolutePath().getParent();
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        return compile(bytes, options, dir, name);
    }

    /** Compiles model bytes that have no folder (external data is refused). */
    public CompileResult compile(byte[] modelBytes, CompileOptions options) {
        return compile(modelBytes, options, null, "model");
    }

    private CompileResult compile(byte[] bytes, CompileOptions options, Path dir, String name) {
        for (String pass : options.dumpIrAfter()) {
            if (!OptimizationPipeline.passNames().contains(pass)) {
                throw new EdgecUsageException("--dump-ir-after: no pass named '" + pass + "'; passes are "
                        + String.join(", ", OptimizationPipeline.passNames()));
            }
        }
        OnnxImporter importer = new OnnxImporter(registry, options.importOptions().withBaseDir(dir));
        ImportedModel imported = importer.importModel(bytes);
        Graph g = new PassManager(OptimizationPipeline.passes(options.optimizationLevel(), registry), options.dumpIrAfter(),
                dumpSink).run(imported.graph());
        ModuleSignature signature = new ModuleSignature(
                g.inputs().stream().map(v -> TensorSpec.of(v.name(), v.type())).toList(),
                g.outputs().stream().map(v -> TensorSpec.of(v.name(), v.type())).toList(),
                imported.info().sha256(), imported.info().defaultOpset(), imported.info().producer(),
                EdgecVersion.VERSION, options.describe());
        AssembledModule assembled = ModuleAssembler.assemble(g, registry, signature.toJsonBytes(), name,
                options.optimizationLevel() >= 1);
        return new CompileResult(imported, g, assembled, signature);
    }
}
