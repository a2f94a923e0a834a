package dev.edgec.models;

import java.util.List;

/**
 * MLP 784-256-128-10 on a flattened 28x28 image (input 1x784), logits out. The three layers are
 * written three ways exporters write a dense layer: Gemm with transB = 1, MatMul + Add, and Gemm
 * with the weight already transposed.
 */
public final class MlpModel implements ZooModel {
    @Override
    public String fileName() {
        return "mlp.onnx";
    }

    @Override
    public String description() {
        return "MLP 784-256-128-10, Relu (MNIST-sized dense classifier)";
    }

    @Override
    public byte[] build() {
        Layers l = new Layers("mlp", 784_256_128L);
        String x = l.input("input", 1, 784);
        String h1 = l.relu(l.gemm("fc1", x, 784, 256, true));
        String w2 = l.constant("fc2.weight", l.heNormal(256, 256, 128));
        String b2 = l.constant("fc2.bias", l.bias(128));
        String mm = l.builder().node("MatMul", List.of(h1, w2));
        String h2 = l.relu(l.builder().node("Add", List.of(mm, b2)));
        String w3 = l.constant("fc3.weight", l.glorotUniform(128, 10, 128, 10));
        String b3 = l.constant("fc3.bias", l.bias(10));
        String logits = l.builder().node("Gemm", List.of(h2, w3, b3), "alpha", 1.0f, "beta", 1.0f);
        return l.finish(logits, 1, 10);
    }
}
