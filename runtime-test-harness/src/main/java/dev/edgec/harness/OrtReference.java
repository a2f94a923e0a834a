package dev.edgec.harness;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ONNX Runtime (CPU, one thread, all graph optimizations) as the numeric reference. */
public final class OrtReference implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OrtReference(byte[] model) {
        this(model, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    /**
     * At {@code level}: below EXTENDED_OPT ONNX Runtime runs a QDQ graph as written (float operators
     * between DequantizeLinear and QuantizeLinear) instead of fusing it into its integer kernels.
     */
    public OrtReference(byte[] model, OrtSession.SessionOptions.OptLevel level) {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(level);
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            session = env.createSession(model, opts);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime rejected the model: " + e.getMessage(), e);
        }
    }

    public OrtSession session() {
        return session;
    }

    /** Runs the model on inputs given by name; returns outputs in graph order. */
    public List<Tensor> run(Map<String, Tensor> inputs) {
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
                feed.put(e.getKey(), toOrt(e.getValue()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                List<Tensor> out = new ArrayList<>();
                for (Map.Entry<String, OnnxValue> e : result) {
                    out.add(fromOrt((OnnxTensor) e.getValue()));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** Input names in graph order. */
    public List<String> inputNames() {
        try {
            return new ArrayList<>(session.getInputInfo().keySet());
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The graph inputs' types in graph order, as ONNX Runtime reads them; for a host that has no
     * compiled signature to take them from. Fails on a symbolic or unknown dimension.
     */
    public Map<String, dev.edgec.ir.TensorType> inputTypes() {
        Map<String, dev.edgec.ir.TensorType> types = new java.util.LinkedHashMap<>();
        try {
            for (Map.Entry<String, ai.onnxruntime.NodeInfo> e : session.getInputInfo().entrySet()) {
                if (!(e.getValue().getInfo() instanceof ai.onnxruntime.TensorInfo info)) {
                    throw new IllegalArgumentException("input '" + e.getKey() + "' is not a tensor");
                }
                long[] shape = info.getShape();
                if (java.util.Arrays.stream(shape).anyMatch(d -> d < 0)) {
                    throw new IllegalArgumentException("input '" + e.getKey() + "' has a symbolic dimension "
                            + java.util.Arrays.toString(shape));
                }
                types.put(e.getKey(), new dev.edgec.ir.TensorType(fromJavaType(info.type), Shape.ofLongs(shape)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    private OnnxTensor toOrt(Tensor t) throws OrtException {
        ByteBuffer b = ByteBuffer.allocateDirect(t.bytes().length).order(ByteOrder.nativeOrder());
        b.put(t.data());
        b.rewind();
        long[] shape = java.util.Arrays.stream(t.shape().dims()).asLongStream().toArray();
        return OnnxTensor.createTensor(env, b, shape, javaType(t.dataType()));
    }

    private static Tensor fromOrt(OnnxTensor t) {
        DataType dt = fromJavaType(t.getInfo().type);
        long[] shape = t.getInfo().getShape();
        ByteBuffer b = t.getByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return Tensor.of(new dev.edgec.ir.TensorType(dt, Shape.ofLongs(shape)), bytes);
    }

    private static OnnxJavaType javaType(DataType t) {
        return switch (t) {
            case FLOAT32 -> OnnxJavaType.FLOAT;
            case FLOAT64 -> OnnxJavaType.DOUBLE;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case BFLOAT16 -> OnnxJavaType.BFLOAT16;
            case INT8 -> OnnxJavaType.INT8;
            case UINT8 -> OnnxJavaType.UINT8;
            case INT16 -> OnnxJavaType.INT16;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            case BOOL -> OnnxJavaType.BOOL;
            default -> throw new IllegalArgumentException("ONNX Runtime Java cannot take " + t + " tensors");
        };
    }

    private static DataType fromJavaType(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> DataType.FLOAT32;
            case DOUBLE -> DataType.FLOAT64;
            case FLOAT16 -> DataType.FLOAT16;
            case BFLOAT16 -> DataType.BFLOAT16;
            case INT8 -> DataType.INT8;
            case UINT8 -> DataType.UINT8;
            case INT16 -> DataType.INT16;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case BOOL -> DataType.BOOL;
            default -> throw new IllegalArgumentException("ONNX Runtime output type " + t + " is not handled");
        };
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
