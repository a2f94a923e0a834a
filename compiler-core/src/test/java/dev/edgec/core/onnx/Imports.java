package dev.edgec.core.onnx;

import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.Graph;
import java.nio.file.Path;
import java.util.Map;

/** Shorthands for the importer tests. */
final class Imports {
    private Imports() {
    }

    static Graph graph(byte[] model) {
        return importer(ImportOptions.defaults()).importModel(model).graph();
    }

    static Graph graph(OnnxBuilder b) {
        return graph(b.toBytes());
    }

    static Graph graphWithShapes(OnnxBuilder b, Map<String, long[]> shapes) {
        return importer(new ImportOptions(shapes, Map.of(), null, ImportOptions.DEFAULT_MAX_TENSOR_BYTES))
                .importModel(b.toBytes()).graph();
    }

    static Graph graphInFolder(byte[] model, Path dir) {
        return importer(ImportOptions.defaults().withBaseDir(dir)).importModel(model).graph();
    }

    static OnnxImporter importer(ImportOptions options) {
        return new OnnxImporter(OperatorRegistry.standard(), options);
    }
}
