package dev.edgec.models;

import java.util.List;
import java.util.Optional;

/** The registry of edgec's model zoo, mirroring the MLPerf Tiny tasks, smallest first. */
public final class Zoo {
    private static final List<ZooModel> MODELS = List.of(
            new MlpModel(),
            new LeNetModel(),
            new AutoencoderModel(),
            new DsCnnModel(),
            new ResNet8Model(),
            new MobileNetV1Model());

    private Zoo() {
    }

    public static List<ZooModel> all() {
        return MODELS;
    }

    /** The model written to {@code fileName} (e.g. {@code lenet.onnx}), if any. */
    public static Optional<ZooModel> byFileName(String fileName) {
        return MODELS.stream().filter(m -> m.fileName().equals(fileName)).findFirst();
    }
}
