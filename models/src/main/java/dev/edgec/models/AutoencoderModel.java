package dev.edgec.models;

/**
 * Dense autoencoder for anomaly detection (MLPerf Tiny AD) on 640 log-mel features (input 1x640):
 * 640 → 128 ×4 → 8 → 128 ×4 → 640, Gemm + Relu everywhere but the linear reconstruction layer.
 */
public final class AutoencoderModel implements ZooModel {
    private static final int[] WIDTHS = {640, 128, 128, 128, 128, 8, 128, 128, 128, 128, 640};

    @Override
    public String fileName() {
        return "autoencoder.onnx";
    }

    @Override
    public String description() {
        return "Dense autoencoder 640-128x4-8-128x4-640 (anomaly detection)";
    }

    @Override
    public byte[] build() {
        Layers l = new Layers("autoencoder", 640L);
        String h = l.input("features", 1, 640);
        for (int i = 1; i < WIDTHS.length; i++) {
            boolean last = i == WIDTHS.length - 1;
            h = l.gemm("fc" + i, h, WIDTHS[i - 1], WIDTHS[i], !last);
            if (!last) {
                h = l.relu(h);
            }
        }
        return l.finish(h, 1, 640);
    }
}
