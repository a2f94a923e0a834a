package dev.edgec.harness.fuzz;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates a valid model the way broken exporters and hostile files do: at the byte level (flips,
 * truncation, random runs) and at the protobuf level, where one to three mutations are stacked:
 * graph structure and attribute values ({@link GraphMutations}, {@link AttributeMutations}), tensors
 * ({@link TensorMutations}), opset imports and IR version. Deterministic for a given seed.
 */
final class ModelMutator {
    private ModelMutator() {
    }

    /** A description of the mutation (for failure messages) and the mutated bytes. */
    record Mutant(String description, byte[] bytes) {
    }

    static Mutant mutate(byte[] model, long seed) {
        Random r = new Random(seed);
        int kind = r.nextInt(16);
        if (kind < 3) {
            return byteLevel(model, r, kind);
        }
        ModelProto.Builder b;
        try {
            b = ModelProto.parseFrom(model).toBuilder();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("seed model does not parse", e);
        }
        List<String> what = new ArrayList<>();
        int count = 1 + (r.nextInt(3) == 0 ? r.nextInt(3) : 0);
        for (int i = 0; i < count; i++) {
            what.add(kind == 3 ? modelLevel(b, r) : GraphMutations.mutateGraph(b.getGraphBuilder(), r));
            kind = 4;
        }
        return new Mutant(String.join("; ", what), b.build().toByteArray());
    }

    private static String modelLevel(ModelProto.Builder b, Random r) {
        switch (r.nextInt(5)) {
            case 0 -> {
                if (b.getOpsetImportCount() > 0) {
                    b.setOpsetImport(0, b.getOpsetImport(0).toBuilder().setVersion(Interesting.pickLong(r)));
                }
                return "opset version";
            }
            case 1 -> {
                b.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(r.nextInt(30)));
                return "second default-domain opset";
            }
            case 2 -> {
                b.clearOpsetImport();
                return "no opset import";
            }
            case 3 -> {
                b.setIrVersion(Interesting.pickLong(r));
                return "ir version";
            }
            default -> {
                if (b.getOpsetImportCount() > 0) {
                    b.setOpsetImport(0, b.getOpsetImport(0).toBuilder().setDomain("com.example"));
                }
                return "opset domain";
            }
        }
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
                return new Mutant("truncation", Arrays.copyOf(b, r.nextInt(b.length)));
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
