package dev.edgec.models;

import java.util.List;

/**
 * DS-CNN for keyword spotting (MLPerf Tiny KWS) on 49x10 MFCC features (input 1x1x49x10):
 * Conv 10x4 stride 2 ("same" padding) 64 + BatchNormalization + Relu, then four depthwise-separable
 * blocks (depthwise 3x3 Conv with group = 64 + BN + Relu, pointwise 1x1 Conv 64 + BN + Relu), then
 * AveragePool over the whole 25x5 map, Flatten, Gemm 12 and Softmax.
 */
public final class DsCnnModel implements ZooModel {
    private static final int CHANNELS = 64;

    @Override
    public String fileName() {
        return "ds_cnn.onnx";
    }

    @Override
    public String description() {
        return "DS-CNN keyword spotting, 49x10 MFCC, 64 channels, 12 classes";
    }

    @Override
    public byte[] build() {
        Layers l = new Layers("ds_cnn", 12L);
        String x = l.input("mfcc", 1, 1, 49, 10);
        // "same" for stride 2: output 25x5; total padding 9 rows (4 top, 5 bottom) and 2 columns.
        String h = l.conv("conv1", x, 1, CHANNELS, 10, 4, 2, new long[]{4, 1, 5, 1}, 1, true);
        h = l.relu(l.batchNorm("conv1.bn", h, CHANNELS));
        for (int i = 1; i <= 4; i++) {
            String dw = l.conv("block" + i + ".dw", h, CHANNELS, CHANNELS, 3, 3, 1, Layers.pad(1), CHANNELS, false);
            dw = l.relu(l.batchNorm("block" + i + ".dw.bn", dw, CHANNELS));
            String pw = l.conv("block" + i + ".pw", dw, CHANNELS, CHANNELS, 1, 1, 1, Layers.pad(0), 1, false);
            h = l.relu(l.batchNorm("block" + i + ".pw.bn", pw, CHANNELS));
        }
        String pooled = l.builder().node("AveragePool", List.of(h), "kernel_shape", new long[]{25, 5},
                "strides", new long[]{1, 1});
        String probs = l.softmax(l.gemm("fc", l.flatten(pooled), CHANNELS, 12, false));
        return l.finish(probs, 1, 12);
    }
}
