package dev.edgec.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed {@code models/*.onnx} files are exactly what the generators write, so they never go
 * stale. Regenerate with {@code mvn -B -q -pl models -am -Pgenerate-zoo process-classes}.
 */
class ZooFilesUpToDateTest {
    /** Surefire runs in the module folder, which is where the zoo files live. */
    private static final Path MODELS_DIR = Path.of("").toAbsolutePath();

    static Stream<Arguments> models() {
        return Zoo.all().stream().map(m -> Arguments.of(Named.of(m.fileName(), m)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void committedFileMatchesGenerator(ZooModel model) throws IOException {
        Path file = MODELS_DIR.resolve(model.fileName());
        assertTrue(Files.isRegularFile(file), file + " is missing: regenerate the zoo");
        assertArrayEquals(model.build(), Files.readAllBytes(file),
                file + " is stale: regenerate with mvn -B -q -pl models -am -Pgenerate-zoo process-classes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void generatorIsDeterministic(ZooModel model) {
        assertArrayEquals(model.build(), model.build());
    }

    @Test
    void registryHasTheSixMlperfTinyStyleModels() {
        List<String> names = Zoo.all().stream().map(ZooModel::fileName).toList();
        assertEquals(List.of("mlp.onnx", "lenet.onnx", "autoencoder.onnx", "ds_cnn.onnx", "resnet8.onnx",
                "mobilenet_v1_025.onnx"), names);
        assertEquals(names.size(), new HashSet<>(names).size());
        assertTrue(Zoo.byFileName("lenet.onnx").isPresent());
    }
}
