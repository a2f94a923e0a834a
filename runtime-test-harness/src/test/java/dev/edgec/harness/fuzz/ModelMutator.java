package dev.edgec.harness.fuzz;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorShapeProto;
import java.util.Random;

/**
 * Mutates a valid model the way broken exporters and hostile files do: at the byte level (flips,
 * truncation, splices) and at the protobuf level (dims, dtypes, attribute values, names, opsets,
 * cycles, dangling and duplicate values, external data paths). Deterministic for a given seed.
 */
final class ModelMutator {
    private static final long[] INTERESTING = {0, -1, 1, 2, 3, 7, 64, -64, 255, 65536, 1L << 31, (1L << 31) - 1,
            -(1L << 31), 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40};

    private ModelMutator() {
    }

    /** A description of the mutation (for failure messages) and the mutated bytes. */
    record Mutant(String description, byte[] bytes) {
    }

    static Mutant mutate(byte[] model, long seed) {
        Random r = new Random(seed);
        int kind = r.nextInt(12);
        if (kind < 3) {
            return byteLevel(model, r, kind);
        }
        ModelProto m;
        try {
            m = ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("seed model does not parse", e);
        }
        ModelProto.Builder b = m.toBuilder();
        GraphProto.Builder g = b.getGraphBuilder();
        String what;
        switch (kind) {
            case 3 -> {
                what = "input dim";
                if (g.getInputCount() > 0) {
                    TensorShapeProto.Builder s = g.getInputBuilder(r.nextInt(g.getInputCount())).getTypeBuilder()
                            .getTensorTypeBuilder().getShapeBuilder();
                    if (s.getDimCount() > 0) {
                        s.getDimBuilder(r.nextInt(s.getDimCount())).setDimValue(pick(r));
                    }
                }
            }
            case 4 -> {
                what = "initializer dims/dtype";
                if (g.getInitializerCount() > 0) {
                    TensorProto.Builder t = g.getInitializerBuilder(r.nextInt(g.getInitializerCount()));
                    if (r.nextBoolean() && t.getDimsCount() > 0) {
                        t.setDims(r.nextInt(t.getDimsCount()), pick(r));
                    } else {
                        t.setDataType(r.nextInt(25));
                    }
                }
            }
            case 5 -> {
                what = "attribute value";
                NodeProto.Builder n = randomNode(g, r);
                if (n != null && n.getAttributeCount() > 0) {
                    AttributeProto.Builder a = n.getAttributeBuilder(r.nextInt(n.getAttributeCount()));
                    switch (r.nextInt(4)) {
                        case 0 -> a.setI(pick(r));
                        case 1 -> a.clearInts().addInts(pick(r)).addInts(pick(r));
                        case 2 -> a.setType(AttributeProto.AttributeType.forNumber(r.nextInt(15)) == null
                                ? AttributeProto.AttributeType.FLOAT : AttributeProto.AttributeType.forNumber(r.nextInt(15)));
                        default -> a.setF(r.nextBoolean() ? Float.NaN : -1e30f);
                    }
                } else if (n != null) {
                    n.addAttribute(AttributeProto.newBuilder().setName("bogus").setType(AttributeProto.AttributeType.INT).setI(1));
                }
            }
            case 6 -> {
                what = "dangling input";
                NodeProto.Builder n = randomNode(g, r);
                if (n != null && n.getInputCount() > 0) {
                    n.setInput(r.nextInt(n.getInputCount()), "no_such_value_" + r.nextInt(10));
                }
            }
            case 7 -> {
                what = "cycle";
                NodeProto.Builder n = randomNode(g, r);
                if (n != null && n.getInputCount() > 0 && g.getNodeCount() > 0) {
                    NodeProto later = g.getNode(g.getNodeCount() - 1);
                    n.setInput(0, later.getOutput(0));
                }
            }
            case 8 -> {
                what = "duplicate output";
                if (g.getNodeCount() > 1) {
                    g.getNodeBuilder(1).setOutput(0, g.getNode(0).getOutput(0));
                }
            }
            case 9 -> {
                what = "opset";
                b.setOpsetImport(0, b.getOpsetImport(0).toBuilder().setVersion(pick(r)));
            }
            case 10 -> {
                what = "external data path";
                if (g.getInitializerCount() > 0) {
                    TensorProto.Builder t = g.getInitializerBuilder(0).clearRawData()
                            .setDataLocation(TensorProto.DataLocation.EXTERNAL).clearExternalData();
                    String[] paths = {"../../etc/passwd", "/etc/passwd", "weights.bin", "", "a/../../b"};
                    t.addExternalData(dev.edgec.core.onnx.proto.OnnxProto.StringStringEntryProto.newBuilder()
                            .setKey("location").setValue(paths[r.nextInt(paths.length)]));
                }
            }
            default -> {
                what = "raw data length";
                if (g.getInitializerCount() > 0) {
                    TensorProto.Builder t = g.getInitializerBuilder(r.nextInt(g.getInitializerCount()));
                    byte[] raw = t.getRawData().toByteArray();
                    int len = Math.max(0, raw.length + r.nextInt(9) - 4);
                    t.setRawData(ByteString.copyFrom(java.util.Arrays.copyOf(raw, len)));
                }
            }
        }
        return new Mutant(what, b.build().toByteArray());
    }

    private static NodeProto.Builder randomNode(GraphProto.Builder g, Random r) {
        return g.getNodeCount() == 0 ? null : g.getNodeBuilder(r.nextInt(g.getNodeCount()));
    }

    private static long pick(Random r) {
        return r.nextInt(3) == 0 ? r.nextInt(100) - 50 : INTERESTING[r.nextInt(INTERESTING.length)];
    }

    private static Mutant byteLevel(byte[] model, Random r, int kind) {
        byte[] b = model.clone();
        switch (kind) {
            case 0 -> {
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return new Mutant("bit flips", b);
            }
            case 1 -> {
                return new Mutant("truncation", java.util.Arrays.copyOf(b, r.nextInt(b.length)));
            }
            default -> {
                int at = r.nextInt(b.length);
                for (int i = at; i < Math.min(b.length, at + 16); i++) {
                    b[i] = (byte) r.nextInt(256);
                }
                return new Mutant("random run", b);
            }
        }
    }
}
