package dev.edgec.models;

import java.util.List;

/**
 * LeNet-5 on a 1x1x28x28 image: Conv 5x5 (pad 2) 6 → Relu → MaxPool 2 → Conv 5x5 16 → Relu →
 * MaxPool 2 → Flatten → Gemm 120 → Relu → Gemm 84 → Relu → Gemm 10 → Softmax.
 */
public final class LeNetModel implements ZooModel {
    @Override
    public String fileName() {
        return "lenet.onnx";
    }

    @Override
    public String description() {
        return "LeNet-5, 28x28 grayscale digits, 10 classes";
    }

    @Override
    public byte[] build() {
        Layers l = new Layers("lenet5", 5L);
        String x = l.input("image", 1, 1, 28, 28);
        String c1 = l.relu(l.conv("conv1", x, 1, 6, 5, 5, 1, Layers.pad(2), 1, true));
        String p1 = maxPool(l, c1);
        String c2 = l.relu(l.conv("conv2", p1, 6, 16, 5, 5, 1, Layers.pad(0), 1, true));
        String p2 = maxPool(l, c2);
        String f = l.flatten(p2);
        String h1 = l.relu(l.gemm("fc1", f, 16 * 5 * 5, 120, true));
        String h2 = l.relu(l.gemm("fc2", h1, 120, 84, true));
        String probs = l.softmax(l.gemm("fc3", h2, 84, 10, false));
        return l.finish(probs, 1, 10);
    }

    private static String maxPool(Layers l, String x) {
        return l.builder().node("MaxPool", List.of(x), "kernel_shape", new long[]{2, 2}, "strides", new long[]{2, 2});
    }
}
