package dev.edgec.models;

/**
 * One model of the zoo: a generator that builds the same ONNX bytes every time it runs (fixed
 * seed, fixed layer order), so the committed {@code .onnx} file can be checked against it.
 */
public interface ZooModel {
    /** The file the model is written to, e.g. {@code lenet.onnx}. */
    String fileName();

    /** One line saying what the model is and which MLPerf Tiny task it mirrors. */
    String description();

    /** The serialized ONNX model (opset 13, batch 1, float32). */
    byte[] build();
}
