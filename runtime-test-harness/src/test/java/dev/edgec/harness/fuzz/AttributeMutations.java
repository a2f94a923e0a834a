package dev.edgec.harness.fuzz;

import com.google.protobuf.ByteString;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto.AttributeType;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Attribute-level mutations of one node: a value of the attribute's own type taken from the edges
 * (0, -1, huge, NaN, ±Inf, empty and overlong lists, unknown strings), a value of another type, a
 * removed, duplicated or added attribute. Attributes named like the ones the zoo's operators take
 * (axis, pads, perm…) are added to nodes that lack them, so every operator kind meets each of them.
 */
final class AttributeMutations {
    /** Attribute names the zoo's and the conformance suite's operators read, to add where missing. */
    private static final String[] COMMON = {"axis", "axes", "perm", "pads", "strides", "kernel_shape", "dilations",
        "group", "alpha", "beta", "transA", "transB", "keepdims", "mode", "auto_pad", "ceil_mode", "epsilon", "min",
        "max", "to", "allowzero", "value", "count_include_pad", "storage_order", "momentum", "spatial",
        "select_last_index", "noop_with_empty_axes", "exclusive", "reverse", "largest", "sorted", "k"};
    private static final String[] STRINGS = {"", "NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID", "constant",
        "reflect", "edge", "wrap", "nearest", "linear", "cubic", "\u0000", "é", "x".repeat(300)};
    private static final float[] FLOATS = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-30f, 6f, 0.5f};

    private AttributeMutations() {
    }

    static String mutate(NodeProto.Builder n, Random r) {
        if (n.getAttributeCount() == 0 || r.nextInt(6) == 0) {
            String name = COMMON[r.nextInt(COMMON.length)];
            n.addAttribute(randomAttribute(name, r));
            return "added attribute " + name + " to " + n.getOpType();
        }
        int at = r.nextInt(n.getAttributeCount());
        AttributeProto.Builder a = n.getAttributeBuilder(at);
        String where = n.getOpType() + "." + a.getName();
        switch (r.nextInt(10)) {
            case 0 -> {
                n.removeAttribute(at);
                return "removed " + where;
            }
            case 1 -> {
                n.addAttribute(a.build());
                return "duplicated " + where;
            }
            case 2 -> {
                n.setAttribute(at, randomAttribute(a.getName(), r));
                return "retyped " + where;
            }
            case 3 -> {
                a.clearType();
                return "untyped " + where;
            }
            default -> {
                sameType(a, r);
                return "value of " + where;
            }
        }
    }

    /** A new value of the attribute's declared type. */
    static void sameType(AttributeProto.Builder a, Random r) {
        switch (a.getType()) {
            case INT -> a.setI(r.nextInt(4) == 0 && a.getI() != 0 ? a.getI() + r.nextInt(3) - 1 : Interesting.pickLong(r));
            case FLOAT -> a.setF(FLOATS[r.nextInt(FLOATS.length)]);
            case STRING -> a.setS(ByteString.copyFrom(STRINGS[r.nextInt(STRINGS.length)], StandardCharsets.UTF_8));
            case INTS -> mutateInts(a, r);
            case FLOATS -> {
                a.clearFloats();
                int len = r.nextInt(5);
                for (int i = 0; i < len; i++) {
                    a.addFloats(FLOATS[r.nextInt(FLOATS.length)]);
                }
            }
            case STRINGS -> a.clearStrings().addStrings(ByteString.copyFromUtf8(STRINGS[r.nextInt(STRINGS.length)]));
            case TENSOR -> a.setT(TensorMutations.mutate(a.getT().toBuilder(), r));
            case GRAPH -> GraphMutations.mutateGraph(a.getGBuilder(), r);
            default -> a.setI(Interesting.pickLong(r));
        }
    }

    private static void mutateInts(AttributeProto.Builder a, Random r) {
        int count = a.getIntsCount();
        switch (r.nextInt(5)) {
            case 0 -> a.clearInts();
            case 1 -> a.addInts(Interesting.pickLong(r));
            case 2 -> {
                if (count > 0) {
                    long[] keep = a.getIntsList().stream().mapToLong(Long::longValue).limit(count - 1).toArray();
                    a.clearInts();
                    for (long v : keep) {
                        a.addInts(v);
                    }
                }
            }
            default -> {
                if (count > 0) {
                    a.setInts(r.nextInt(count), Interesting.pickLong(r));
                } else {
                    a.addInts(Interesting.pickLong(r));
                }
            }
        }
    }

    private static AttributeProto randomAttribute(String name, Random r) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        switch (r.nextInt(7)) {
            case 0 -> a.setType(AttributeType.INT).setI(Interesting.pickLong(r));
            case 1 -> a.setType(AttributeType.FLOAT).setF(FLOATS[r.nextInt(FLOATS.length)]);
            case 2 -> a.setType(AttributeType.STRING).setS(ByteString.copyFromUtf8(STRINGS[r.nextInt(STRINGS.length)]));
            case 3 -> {
                a.setType(AttributeType.INTS);
                int len = r.nextInt(9);
                for (int i = 0; i < len; i++) {
                    a.addInts(Interesting.pickLong(r));
                }
            }
            case 4 -> a.setType(AttributeType.TENSOR).setT(TensorProto.newBuilder().setDataType(1).addDims(1)
                    .setRawData(ByteString.copyFrom(new byte[4])));
            case 5 -> a.setType(AttributeType.GRAPH).setG(FuzzSeeds.branch("g_" + r.nextInt(3), r.nextInt(4)));
            default -> {
                AttributeType t = AttributeType.forNumber(r.nextInt(16));
                a.setType(t == null ? AttributeType.UNDEFINED : t);
            }
        }
        return a.build();
    }
}
