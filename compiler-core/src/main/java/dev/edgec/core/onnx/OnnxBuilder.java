package dev.edgec.core.onnx;

import com.google.protobuf.ByteString;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorShapeProto;
import dev.edgec.core.onnx.proto.OnnxProto.TypeProto;
import dev.edgec.core.onnx.proto.OnnxProto.ValueInfoProto;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes ONNX models: the model zoo's generators and the tests build their models with it.
 * Attribute values are given as plain Java values ({@code Long}, {@code Float}, {@code String},
 * {@code long[]}, {@code int[]}, {@code float[]}, {@link Tensor}, a {@link #subgraph} builder for GRAPH).
 *
 * <pre>{@code
 * OnnxBuilder b = new OnnxBuilder("mlp", 13);
 * String x = b.input("x", DataType.FLOAT32, 1, 784);
 * String y = b.node("Gemm", List.of(x, b.initializer("w", w), b.initializer("b", bias)), "transB", 1L);
 * b.output(y, DataType.FLOAT32);
 * byte[] model = b.toBytes();
 * }</pre>
 */
public final class OnnxBuilder {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final ModelProto.Builder model = ModelProto.newBuilder();
    private int counter;
    private String valuePrefix = "";

    public OnnxBuilder(String graphName, int opset) {
        graph.setName(graphName);
        model.setIrVersion(opset >= 21 ? 10 : opset >= 15 ? 8 : 7).setProducerName("edgec-builder");
        model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
    }

    /**
     * A builder for a subgraph (an If branch, a Loop or Scan body) of this model: give it as an
     * attribute value. Its generated value names start with {@code name_} so they never clash with
     * the enclosing graph's, which ONNX forbids.
     */
    public OnnxBuilder subgraph(String name) {
        OnnxBuilder sub = new OnnxBuilder(name, (int) model.getOpsetImport(0).getVersion());
        sub.valuePrefix = valuePrefix + name + "_";
        return sub;
    }

    /** Declares a graph input with fixed dimensions. */
    public String input(String name, DataType type, long... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return name;
    }

    /** Declares a graph input whose dimensions are names (symbolic) or numbers, e.g. {@code "N", 3}. */
    public String inputSymbolic(String name, DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            if (d instanceof String s) {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(s));
            } else {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()));
            }
        }
        graph.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(OnnxDataTypes.toOnnx(type)).setShape(shape))));
        return name;
    }

    public String initializer(String name, Tensor value) {
        graph.addInitializer(tensorProto(name, value));
        return name;
    }

    /** Adds a node with one output named after the op; returns the output's name. */
    public String node(String opType, List<String> inputs, Object... attributes) {
        String out = valuePrefix + opType.toLowerCase(java.util.Locale.ROOT) + "_" + (counter++);
        nodeWithOutputs(opType, inputs, List.of(out), attributes);
        return out;
    }

    /** Adds a node with the given output names. Attributes alternate names and values. */
    public NodeProto.Builder nodeWithOutputs(String opType, List<String> inputs, List<String> outputs, Object... attributes) {
        NodeProto.Builder n = graph.addNodeBuilder().setOpType(opType).setName(valuePrefix + opType + "_" + graph.getNodeCount())
                .addAllInput(inputs).addAllOutput(outputs);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name/value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            n.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
        }
        return n;
    }

    /** Declares a graph output of the given element type; its shape is left for the consumer to infer. */
    public OnnxBuilder output(String name, DataType type) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(OnnxDataTypes.toOnnx(type)))));
        return this;
    }

    public OnnxBuilder output(String name, DataType type, long... dims) {
        graph.addOutput(valueInfo(name, type, dims));
        return this;
    }

    public GraphProto.Builder graph() {
        return graph;
    }

    public ModelProto build() {
        return model.clone().setGraph(graph).build();
    }

    public byte[] toBytes() {
        return build().toByteArray();
    }

    public static ValueInfoProto valueInfo(String name, DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(OnnxDataTypes.toOnnx(type)).setShape(shape)))
                .build();
    }

    /** Serializes an IR tensor as a {@code TensorProto} with {@code raw_data}. */
    public static TensorProto tensorProto(String name, Tensor t) {
        TensorProto.Builder p = TensorProto.newBuilder().setName(name).setDataType(OnnxDataTypes.toOnnx(t.dataType()));
        for (int d : t.shape().dims()) {
            p.addDims(d);
        }
        return p.setRawData(ByteString.copyFrom(t.bytes())).build();
    }

    public static AttributeProto attribute(String name, Object value) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (value instanceof Integer || value instanceof Long) {
            a.setType(AttributeProto.AttributeType.INT).setI(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) value).floatValue());
        } else if (value instanceof String s) {
            a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFrom(s, StandardCharsets.UTF_8));
        } else if (value instanceof long[] v) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long x : v) {
                a.addInts(x);
            }
        } else if (value instanceof int[] v) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (int x : v) {
                a.addInts(x);
            }
        } else if (value instanceof float[] v) {
            a.setType(AttributeProto.AttributeType.FLOATS);
            for (float x : v) {
                a.addFloats(x);
            }
        } else if (value instanceof String[] v) {
            a.setType(AttributeProto.AttributeType.STRINGS);
            for (String x : v) {
                a.addStrings(ByteString.copyFrom(x, StandardCharsets.UTF_8));
            }
        } else if (value instanceof Tensor t) {
            a.setType(AttributeProto.AttributeType.TENSOR).setT(tensorProto("", t));
        } else if (value instanceof OnnxBuilder sub) {
            a.setType(AttributeProto.AttributeType.GRAPH).setG(sub.graph.build());
        } else if (value instanceof GraphProto g) {
            a.setType(AttributeProto.AttributeType.GRAPH).setG(g);
        } else {
            throw new IllegalArgumentException("attribute " + name + ": unsupported value " + value);
        }
        return a.build();
    }

    /** A fresh name for an intermediate value. */
    public String fresh(String prefix) {
        return valuePrefix + prefix + "_" + (counter++);
    }

}
