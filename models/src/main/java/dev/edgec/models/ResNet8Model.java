package dev.edgec.models;

import java.util.List;

/**
 * ResNet-8 for CIFAR-10 image classification (MLPerf Tiny IC) on 1x3x32x32: Conv 3x3 16 + BN +
 * Relu, then three residual stacks of 16, 32 and 64 filters (Conv 3x3 + BN + Relu, Conv 3x3 + BN,
 * Add, Relu; the 2nd and 3rd stacks halve the map with a stride-2 first Conv and a stride-2 1x1
 * Conv on the shortcut), then GlobalAveragePool, Flatten, Gemm 10 and Softmax.
 */
public final class ResNet8Model implements ZooModel {
    @Override
    public String fileName() {
        return "resnet8.onnx";
    }

    @Override
    public String description() {
        return "ResNet-8, CIFAR-10 32x32 RGB, 16/32/64 filters, 10 classes";
    }

    @Override
    public byte[] build() {
        Layers l = new Layers("resnet8", 8L);
        String x = l.input("image", 1, 3, 32, 32);
        String h = l.conv("conv1", x, 3, 16, 3, 3, 1, Layers.pad(1), 1, true);
        h = l.relu(l.batchNorm("conv1.bn", h, 16));
        h = stack(l, "stack1", h, 16, 16, 1);
        h = stack(l, "stack2", h, 16, 32, 2);
        h = stack(l, "stack3", h, 32, 64, 2);
        String pooled = l.flatten(l.globalAveragePool(h));
        String probs = l.softmax(l.gemm("fc", pooled, 64, 10, false));
        return l.finish(probs, 1, 10);
    }

    private static String stack(Layers l, String name, String x, int in, int out, int stride) {
        long[] pads = stride == 1 ? Layers.pad(1) : Layers.sameStride2Kernel3();
        String h = l.conv(name + ".conv1", x, in, out, 3, 3, stride, pads, 1, true);
        h = l.relu(l.batchNorm(name + ".bn1", h, out));
        h = l.conv(name + ".conv2", h, out, out, 3, 3, 1, Layers.pad(1), 1, true);
        h = l.batchNorm(name + ".bn2", h, out);
        String shortcut = x;
        if (stride != 1 || in != out) {
            shortcut = l.conv(name + ".shortcut", x, in, out, 1, 1, stride, Layers.pad(0), 1, true);
        }
        return l.relu(l.builder().node("Add", List.of(h, shortcut)));
    }
}
