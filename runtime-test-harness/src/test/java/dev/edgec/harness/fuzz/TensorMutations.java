package dev.edgec.harness.fuzz;

import com.google.protobuf.ByteString;
import dev.edgec.core.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import java.util.Arrays;
import java.util.Random;

/**
 * Mutations of one {@code TensorProto} (initializer or tensor attribute): dims that are huge,
 * negative or whose product overflows, another element type, raw data shorter or longer than the
 * dims say, data in a typed field as well, and external data that points outside the model's folder.
 */
final class TensorMutations {
    private static final String[] PATHS = {"../secret.bin", "weights.bin", "link.bin", "up/secret.bin",
        "up/model/weights.bin", "./weights.bin", "/etc/passwd", "", "a/../../b", ".", "..", "C:\\windows\\system32",
        "\u0000", "sub/../../secret.bin", "/dev/zero", "/tmp/../etc/passwd", "weights.bin/"};

    private TensorMutations() {
    }

    static TensorProto mutate(TensorProto.Builder t, Random r) {
        switch (r.nextInt(8)) {
            case 0 -> {
                if (t.getDimsCount() > 0) {
                    t.setDims(r.nextInt(t.getDimsCount()), Interesting.pickLong(r));
                } else {
                    t.addDims(Interesting.pickLong(r));
                }
            }
            case 1 -> {
                // a product that overflows 64 bits while each dim looks modest
                t.clearDims().addDims(1L << 21).addDims(1L << 21).addDims(1L << 22);
            }
            case 2 -> t.setDataType(r.nextInt(25));
            case 3 -> {
                byte[] raw = t.getRawData().toByteArray();
                int len = Math.max(0, raw.length + r.nextInt(9) - 4);
                t.setRawData(ByteString.copyFrom(Arrays.copyOf(raw, len)));
            }
            case 4 -> t.addFloatData(1f).addInt64Data(-1).addInt32Data(7);
            case 5 -> t.clearRawData();
            case 6 -> {
                t.clearRawData().setDataLocation(TensorProto.DataLocation.EXTERNAL).clearExternalData()
                        .addExternalData(entry("location", PATHS[r.nextInt(PATHS.length)]));
                if (r.nextBoolean()) {
                    t.addExternalData(entry("offset", String.valueOf(Interesting.pickLong(r))));
                    t.addExternalData(entry("length", String.valueOf(Interesting.pickLong(r))));
                }
            }
            default -> t.setDataLocation(r.nextBoolean() ? TensorProto.DataLocation.EXTERNAL : TensorProto.DataLocation.DEFAULT);
        }
        return t.build();
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
