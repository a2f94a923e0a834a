package dev.edgec.core;

import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.core.lower.AssembledModule;
import dev.edgec.core.lower.ModuleAssembler;
import dev.edgec.core.onnx.EdgecUsageException;
import dev.edgec.core.onnx.ImportedModel;
import dev.edgec.core.onnx.OnnxImporter;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.core.quant.IntegerOnlyModule;
import dev.edgec.ir.Graph;
import dev.edgec.ir.Value;
import java.util.List;
import java.util.Map;
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

    /** Signature entries; an integer-only module's quantized edges carry their scale and zero point. */
    private static List<TensorSpec> specs(List<Value> values, Map<String, IntegerOnlyModule.EdgeParams> edges) {
        return values.stream().map(v -> {
            IntegerOnlyModule.EdgeParams p = edges.get(v.name());
            return p == null ? TensorSpec.of(v.name(), v.type())
                    : new TensorSpec(v.name(), v.type().dataType(), v.type().shape(), p.scale(), p.zeroPoint());
        }).toList();
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
        Graph g = new PassManager(OptimizationPipeline.passes(options.optimizationLevel(), options.integerOnly(), registry),
                options.dumpIrAfter(), dumpSink).run(imported.graph());
        Map<String, IntegerOnlyModule.EdgeParams> edges = new java.util.HashMap<>();
        if (options.integerOnly()) {
            edges.putAll(IntegerOnlyModule.declared(imported.graph()));
            IntegerOnlyModule.Result integer = IntegerOnlyModule.apply(g);
            g = integer.graph();
            edges.putAll(integer.edges());
        }
        ModuleSignature signature = new ModuleSignature(specs(g.inputs(), edges), specs(g.outputs(), edges),
                imported.info().sha256(), imported.info().defaultOpset(), imported.info().producer(),
                EdgecVersion.VERSION, options.describe());
        AssembledModule assembled = ModuleAssembler.assemble(g, registry, signature.toJsonBytes(), name,
                options.optimizationLevel() >= 1);
        return new CompileResult(imported, g, assembled, signature);
    }
}
