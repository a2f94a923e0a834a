package dev.edgec.models;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.List;

/**
 * MobileNetV1 with width multiplier 0.25 for visual wake words (MLPerf Tiny VWW) on 1x3x96x96:
 * Conv 3x3 stride 2 8 + BN + Relu6, the 13 standard depthwise-separable blocks (depthwise 3x3 +
 * BN + Relu6, pointwise 1x1 + BN + Relu6), GlobalAveragePool, Reshape to 1x256, Gemm 2, Softmax.
 * Relu6 is Clip(0, 6), with min and max as inputs (opset 13).
 */
public final class MobileNetV1Model implements ZooModel {
    /** Output channels (already × 0.25) and stride of the 13 blocks. */
    private static final int[][] BLOCKS = {
        {16, 1}, {32, 2}, {32, 1}, {64, 2}, {64, 1}, {128, 2},
        {128, 1}, {128, 1}, {128, 1}, {128, 1}, {128, 1}, {256, 2}, {256, 1},
    };

    @Override
    public String fileName() {
        return "mobilenet_v1_025.onnx";
    }

    @Override
    public String description() {
        return "MobileNetV1 0.25, 96x96 RGB visual wake words, 2 classes";
    }

    @Override
    public byte[] build() {
        Layers l = new Layers("mobilenet_v1_025", 96L);
        String x = l.input("image", 1, 3, 96, 96);
        String zero = l.constant("relu6.min", Tensor.ofFloats(Shape.scalar(), 0f));
        String six = l.constant("relu6.max", Tensor.ofFloats(Shape.scalar(), 6f));
        int channels = 8;
        String h = l.conv("conv0", x, 3, channels, 3, 3, 2, Layers.sameStride2Kernel3(), 1, false);
        h = relu6(l, l.batchNorm("conv0.bn", h, channels), zero, six);
        for (int i = 0; i < BLOCKS.length; i++) {
            int out = BLOCKS[i][0];
            int stride = BLOCKS[i][1];
            String name = "block" + (i + 1);
            long[] pads = stride == 1 ? Layers.pad(1) : Layers.sameStride2Kernel3();
            String dw = l.conv(name + ".dw", h, channels, channels, 3, 3, stride, pads, channels, false);
            dw = relu6(l, l.batchNorm(name + ".dw.bn", dw, channels), zero, six);
            String pw = l.conv(name + ".pw", dw, channels, out, 1, 1, 1, Layers.pad(0), 1, false);
            h = relu6(l, l.batchNorm(name + ".pw.bn", pw, out), zero, six);
            channels = out;
        }
        String shape = l.constant("flatten.shape", Tensor.ofLongs(DataType.INT64, Shape.of(2), 1, channels));
        String flat = l.builder().node("Reshape", List.of(l.globalAveragePool(h), shape));
        String probs = l.softmax(l.gemm("fc", flat, channels, 2, false));
        return l.finish(probs, 1, 2);
    }

    private static String relu6(Layers l, String x, String zero, String six) {
        return l.builder().node("Clip", List.of(x, zero, six));
    }
}
