package dev.edgec.core.onnx;

import com.google.protobuf.ByteString;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.ir.Attribute;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.Subgraph;
import java.nio.charset.StandardCharsets;

/** Converts {@code AttributeProto}s into IR attributes. */
final class AttributeDecoder {
    private final TensorDecoder tensors;

    AttributeDecoder(TensorDecoder tensors) {
        this.tensors = tensors;
    }

    /** Reads a graph attribute's body; the importer supplies it, knowing the model's opsets. */
    interface SubgraphReader {
        Subgraph read(GraphProto g, String where);
    }

    Attribute decode(AttributeProto a, String where) {
        return decode(a, where, null);
    }

    /** As {@link #decode(AttributeProto, String)}, reading GRAPH attributes with {@code graphs} (opaque when null). */
    Attribute decode(AttributeProto a, String where, SubgraphReader graphs) {
        String at = where + " attribute '" + a.getName() + "'";
        if (a.hasRefAttrName() && !a.getRefAttrName().isEmpty()) {
            throw new InvalidModelException(at + " refers to a function attribute outside a function");
        }
        AttributeProto.AttributeType type = a.hasType() ? a.getType() : inferType(a);
        return switch (type) {
            case FLOAT -> new Attribute.FloatAttr(a.getF());
            case INT -> new Attribute.IntAttr(a.getI());
            case STRING -> new Attribute.StringAttr(a.getS().toString(StandardCharsets.UTF_8));
            case TENSOR -> new Attribute.TensorAttr(tensors.decode(a.getT(), at));
            case FLOATS -> new Attribute.FloatsAttr(a.getFloatsList());
            case INTS -> new Attribute.IntsAttr(a.getIntsList());
            case STRINGS -> new Attribute.StringsAttr(a.getStringsList().stream()
                    .map(s -> s.toString(StandardCharsets.UTF_8)).toList());
            case GRAPH -> graphs == null ? new Attribute.OpaqueAttr(type.name()) : new Attribute.GraphAttr(graphs.read(a.getG(), at));
            case UNDEFINED -> throw new InvalidModelException(at + " has no type");
            default -> new Attribute.OpaqueAttr(type.name());
        };
    }

    /** Very old models omit {@code type}; infer it from the one field that is set. */
    private static AttributeProto.AttributeType inferType(AttributeProto a) {
        if (a.hasF()) {
            return AttributeProto.AttributeType.FLOAT;
        }
        if (a.hasI()) {
            return AttributeProto.AttributeType.INT;
        }
        if (a.hasS() && !a.getS().equals(ByteString.EMPTY)) {
            return AttributeProto.AttributeType.STRING;
        }
        if (a.hasT()) {
            return AttributeProto.AttributeType.TENSOR;
        }
        if (a.hasG()) {
            return AttributeProto.AttributeType.GRAPH;
        }
        if (a.getFloatsCount() > 0) {
            return AttributeProto.AttributeType.FLOATS;
        }
        if (a.getIntsCount() > 0) {
            return AttributeProto.AttributeType.INTS;
        }
        if (a.getStringsCount() > 0) {
            return AttributeProto.AttributeType.STRINGS;
        }
        return AttributeProto.AttributeType.UNDEFINED;
    }
}
