package dev.edgec.core.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.edgec.core.control.ControlFlow;
import dev.edgec.core.control.SequenceOperators;
import dev.edgec.core.fold.ImportTimeFolding;
import dev.edgec.core.ops.ConstantInputRequiredException;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.core.onnx.proto.OnnxProto.AttributeProto;
import dev.edgec.core.onnx.proto.OnnxProto.GraphProto;
import dev.edgec.core.onnx.proto.OnnxProto.ModelProto;
import dev.edgec.core.onnx.proto.OnnxProto.NodeProto;
import dev.edgec.core.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.core.onnx.proto.OnnxProto.TensorShapeProto;
import dev.edgec.core.onnx.proto.OnnxProto.ValueInfoProto;
import dev.edgec.opt.pass.InternalAttributes;
import dev.edgec.ir.Attribute;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Graph;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Node;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Subgraph;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import dev.edgec.ir.UnsupportedModelException;
import dev.edgec.ir.Value;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an ONNX model into the typed IR: decodes initializers and {@code Constant} nodes into
 * constants, fixes input shapes, sorts nodes topologically, rejects every unsupported operator in
 * one error, and infers all value types through the operator registry.
 */
public final class OnnxImporter {
    /** The newest default-domain opset whose operator semantics edgec has checked. */
    public static final int MAX_OPSET = 21;

    private final OperatorRegistry registry;
    private final ImportOptions options;
    private final TensorDecoder tensors;
    private final AttributeDecoder attributes;
    private final ImportTimeFolding importFolding;

    public OnnxImporter(OperatorRegistry registry, ImportOptions options) {
        this.registry = registry;
        this.options = options;
        this.tensors = new TensorDecoder(new ExternalDataResolver(options.baseDir()), options.maxTensorBytes());
        this.attributes = new AttributeDecoder(tensors);
        this.importFolding = new ImportTimeFolding(registry);
    }

    /** Parses model bytes; anything protobuf cannot read is an invalid model. */
    public static ModelProto parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidModelException("the file is empty, not an ONNX model");
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            in.setSizeLimit(Integer.MAX_VALUE);
            in.setRecursionLimit(64);
            ModelProto m = ModelProto.parseFrom(in);
            in.checkLastTagWas(0);
            if (!m.hasGraph() || !m.hasIrVersion()) {
                throw new InvalidModelException("not an ONNX model (no " + (m.hasGraph() ? "ir_version" : "graph") + " field)");
            }
            return m;
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidModelException("not a readable ONNX model: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new InvalidModelException("not a readable ONNX model: " + e.getMessage());
        }
    }

    public ImportedModel importModel(byte[] bytes) {
        ModelProto m = parse(bytes);
        return importModel(m, sha256(bytes));
    }

    public ImportedModel importModel(ModelProto m, String sha256) {
        Map<String, Integer> opsets = readOpsets(m);
        if (m.getFunctionsCount() > 0) {
            throw new UnsupportedModelException("the model defines " + m.getFunctionsCount()
                    + " local functions, which edgec does not compile yet");
        }
        Graph g = importGraph(m.getGraph(), opsets);
        String producer = (m.getProducerName() + " " + m.getProducerVersion()).trim();
        return new ImportedModel(g, new ModelInfo(sha256, opsets, producer, m.getIrVersion()));
    }

    private static Map<String, Integer> readOpsets(ModelProto m) {
        Map<String, Integer> opsets = new TreeMap<>();
        for (OperatorSetIdProto o : m.getOpsetImportList()) {
            String d = o.getDomain().equals("ai.onnx") ? "" : o.getDomain();
            if (o.getVersion() < 1 || o.getVersion() > 10_000) {
                throw new InvalidModelException("opset import of domain '" + d + "' has version " + o.getVersion());
            }
            opsets.put(d, (int) o.getVersion());
        }
        if (!opsets.containsKey("")) {
            if (m.getIrVersion() >= 3) {
                throw new InvalidModelException("the model imports no opset of the default ONNX domain");
            }
            opsets.put("", 1);
        }
        if (opsets.get("") > MAX_OPSET) {
            throw new UnsupportedModelException("the model uses ONNX opset " + opsets.get("")
                    + "; edgec supports opsets up to " + MAX_OPSET);
        }
        return opsets;
    }

    private Graph importGraph(GraphProto gp, Map<String, Integer> opsets) {
        Graph.Builder b = Graph.builder();
        Map<String, Tensor> constants = new LinkedHashMap<>();
        for (TensorProto t : gp.getInitializerList()) {
            String where = "initializer '" + t.getName() + "'";
            if (t.getName().isEmpty()) {
                throw new InvalidModelException("an initializer has no name");
            }
            if (constants.put(t.getName(), tensors.decode(t, where)) != null) {
                throw new InvalidModelException(where + " is defined twice");
            }
        }
        if (gp.getSparseInitializerCount() > 0) {
            throw new UnsupportedModelException("the graph has sparse initializers, which edgec does not read");
        }
        Set<String> declaredInputs = new HashSet<>();
        gp.getInputList().forEach(in -> declaredInputs.add(in.getName()));
        // options naming no input are checked first: a typo explains a later "symbolic dimension" error
        for (String name : options.frozenInputs().keySet()) {
            if (!declaredInputs.contains(name)) {
                throw new EdgecUsageException("--freeze-input names '" + name + "', which is not a graph input");
            }
        }
        for (String name : options.inputShapes().keySet()) {
            if (!declaredInputs.contains(name)) {
                throw new EdgecUsageException("--input-shape names '" + name + "', which is not a graph input");
            }
        }
        Set<String> runtimeInputs = new HashSet<>();
        for (ValueInfoProto in : gp.getInputList()) {
            Tensor frozen = options.frozenInputs().get(in.getName());
            if (frozen != null) {
                checkFrozen(in, frozen);
                constants.put(in.getName(), frozen);
            } else if (!constants.containsKey(in.getName())) {
                b.addInput(new Value(in.getName(), inputType(in)));
                runtimeInputs.add(in.getName());
            }
        }
        List<NodeProto> sorted = TopologicalOrder.sort(gp, declaredInputs, constants.keySet());
        List<Node> nodes = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        List<String> unsupported = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            NodeProto np = sorted.get(i);
            String name = uniqueName(np, i, usedNames);
            String domain = np.getDomain().equals("ai.onnx") ? "" : np.getDomain();
            Node node = toNode(np, name, domain, opsets);
            if (isConstant(node)) {
                Tensor value = ConstantNodes.value(node); // checks there is exactly one output first
                constants.put(node.output(0), value);
                continue;
            }
            collectUnsupported(node, unsupported);
            nodes.add(node);
        }
        if (!unsupported.isEmpty()) {
            throw new UnsupportedModelException("unsupported operator" + (unsupported.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unsupported));
        }
        constants.forEach(b::addConstant);
        GraphAssembly assembly = new GraphAssembly(registry, importFolding, b, constants, usedNames);
        try {
            nodes.forEach(assembly::add);
        } catch (ConstantInputRequiredException e) {
            throw traceToGraphInput(e, assembly, runtimeInputs);
        }
        Map<String, TensorType> types = assembly.types();
        if (gp.getOutputCount() == 0) {
            throw new InvalidModelException("the graph has no outputs");
        }
        for (ValueInfoProto out : gp.getOutputList()) {
            TensorType t = types.get(out.getName());
            if (t == null && assembly.sequence(out.getName()).isPresent()) {
                throw SequenceOperators.atBoundary("graph output", out.getName());
            }
            if (t == null) {
                throw new InvalidModelException("graph output '" + out.getName() + "' is not computed by any node");
            }
            checkDeclaredOutput(out, t);
            b.addOutput(new Value(out.getName(), t));
        }
        return b.build();
    }

    /**
     * Adds why {@code node} cannot be compiled, if it cannot, to {@code unsupported}; for a control-flow
     * node, also every unsupported node of its subgraphs, so one error lists them all.
     */
    private void collectUnsupported(Node node, List<String> unsupported) {
        if (!ControlFlow.handles(node)) {
            registry.whyUnsupported(node, node.opsetVersion()).ifPresent(unsupported::add);
            return;
        }
        ControlFlow.whyUnsupported(node).ifPresent(unsupported::add);
        for (Subgraph g : ControlFlow.subgraphs(node)) {
            for (Node inner : g.nodes()) {
                if (!isConstant(inner)) {
                    collectUnsupported(inner, unsupported);
                }
            }
        }
    }

    /**
     * A required constant computed by nodes from graph inputs (a Loop's trip count from Range's bounds,
     * a Reshape target from arithmetic) is frozen through the graph input it comes from: the error
     * names that input, so that the message and {@code --freeze-input} point at something the user can give.
     */
    private static ConstantInputRequiredException traceToGraphInput(ConstantInputRequiredException e, GraphAssembly assembly,
                                                                    Set<String> inputs) {
        if (inputs.contains(e.inputName())) {
            return e;
        }
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(e.inputName()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String v = todo.poll();
            if (!seen.add(v)) {
                continue;
            }
            if (inputs.contains(v)) {
                return new ConstantInputRequiredException(e.getMessage() + " (it is computed from graph input '" + v
                        + "': freeze that with --freeze-input " + v + "=FILE)", v);
            }
            assembly.producer(v).ifPresent(n -> n.inputs().stream().filter(i -> !i.isEmpty()).forEach(todo::add));
        }
        return e;
    }

    private static void checkDeclaredOutput(ValueInfoProto out, TensorType inferred) {
        if (!out.hasType() || !out.getType().hasTensorType()) {
            return;
        }
        var tt = out.getType().getTensorType();
        if (tt.getElemType() != 0) {
            DataType declared = OnnxDataTypes.fromOnnx(tt.getElemType(), "graph output '" + out.getName() + "'");
            if (declared != inferred.dataType()) {
                throw new InvalidModelException("graph output '" + out.getName() + "' is declared " + declared.signatureName()
                        + " but computes " + inferred.dataType().signatureName());
            }
        }
        if (tt.hasShape()) {
            List<TensorShapeProto.Dimension> dims = tt.getShape().getDimList();
            if (dims.size() != inferred.shape().rank()) {
                throw new InvalidModelException("graph output '" + out.getName() + "' is declared with rank " + dims.size()
                        + " but computes " + inferred);
            }
            for (int i = 0; i < dims.size(); i++) {
                if (dims.get(i).hasDimValue() && dims.get(i).getDimValue() != inferred.shape().dim(i)) {
                    throw new InvalidModelException("graph output '" + out.getName() + "' is declared with dimension "
                            + i + " = " + dims.get(i).getDimValue() + " but computes " + inferred);
                }
            }
        }
    }

    /** A frozen input's value must have the element type and the fixed dimensions the model declares. */
    private static void checkFrozen(ValueInfoProto in, Tensor frozen) {
        if (!in.hasType() || !in.getType().hasTensorType()) {
            return;
        }
        var tt = in.getType().getTensorType();
        String where = "--freeze-input " + in.getName();
        if (tt.getElemType() != 0 && OnnxDataTypes.fromOnnx(tt.getElemType(), "graph input '" + in.getName() + "'")
                != frozen.dataType()) {
            throw new EdgecUsageException(where + " gives " + frozen.type() + " but the model declares element type "
                    + OnnxDataTypes.fromOnnx(tt.getElemType(), in.getName()).signatureName());
        }
        if (tt.hasShape()) {
            List<TensorShapeProto.Dimension> dims = tt.getShape().getDimList();
            boolean fits = dims.size() == frozen.shape().rank();
            for (int i = 0; fits && i < dims.size(); i++) {
                fits = !dims.get(i).hasDimValue() || dims.get(i).getDimValue() == frozen.shape().dim(i);
            }
            if (!fits) {
                throw new EdgecUsageException(where + " gives " + frozen.type() + " but the model declares shape "
                        + dims.stream().map(d -> d.hasDimValue() ? String.valueOf(d.getDimValue()) : "?")
                                .collect(java.util.stream.Collectors.joining("x")));
            }
        }
    }

    private TensorType inputType(ValueInfoProto in) {
        String where = "graph input '" + in.getName() + "'";
        if (in.hasType() && in.getType().hasSequenceType()) {
            throw SequenceOperators.atBoundary("graph input", in.getName());
        }
        if (!in.hasType() || !in.getType().hasTensorType()) {
            throw new UnsupportedModelException(where + " is not a tensor");
        }
        var tt = in.getType().getTensorType();
        DataType dt = OnnxDataTypes.fromOnnx(tt.getElemType(), where);
        long[] given = options.inputShapes().get(in.getName());
        if (!tt.hasShape()) {
            if (given == null) {
                throw new InvalidModelException(where + " has no shape; fix it with --input-shape " + in.getName() + "=...");
            }
            return new TensorType(dt, shapeOf(given, where));
        }
        List<TensorShapeProto.Dimension> dims = tt.getShape().getDimList();
        if (given != null) {
            if (given.length != dims.size()) {
                throw new EdgecUsageException("--input-shape gives " + in.getName() + " rank " + given.length
                        + " but the model declares rank " + dims.size());
            }
            for (int i = 0; i < dims.size(); i++) {
                if (dims.get(i).hasDimValue() && dims.get(i).getDimValue() != given[i]) {
                    throw new EdgecUsageException("--input-shape gives " + in.getName() + " dimension " + i + " = " + given[i]
                            + " but the model fixes it to " + dims.get(i).getDimValue());
                }
            }
            return new TensorType(dt, shapeOf(given, where));
        }
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (!d.hasDimValue()) {
                String label = d.hasDimParam() && !d.getDimParam().isEmpty() ? " ('" + d.getDimParam() + "')" : "";
                throw new InvalidModelException(where + " dimension " + i + label
                        + " is symbolic; fix it with --input-shape " + in.getName() + "=...");
            }
            shape[i] = d.getDimValue();
        }
        return new TensorType(dt, shapeOf(shape, where));
    }

    private static Shape shapeOf(long[] dims, String where) {
        for (long d : dims) {
            if (d < 0) {
                throw new InvalidModelException(where + " has negative dimension " + d);
            }
        }
        try {
            return Shape.ofLongs(dims);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new LimitExceededException(where + ": " + e.getMessage());
        }
    }

    private Node toNode(NodeProto np, String name, String domain, Map<String, Integer> opsets) {
        if (domain.equals(InternalAttributes.DOMAIN)) {
            throw new InvalidModelException("node '" + name + "' uses domain '" + domain + "', which edgec reserves for "
                    + "its own fused operators");
        }
        Integer opset = opsets.get(domain);
        if (opset == null) {
            throw new InvalidModelException("node '" + name + "' uses domain '" + domain + "', which the model does not import");
        }
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        String where = np.getOpType() + " '" + name + "'";
        for (AttributeProto a : np.getAttributeList()) {
            if (InternalAttributes.isReserved(a.getName())) {
                throw new InvalidModelException(where + " has attribute '" + a.getName() + "', but names starting with '"
                        + InternalAttributes.PREFIX + "' are reserved for edgec's optimizer");
            }
            if (attrs.put(a.getName(), attributes.decode(a, where, (g, at) -> readSubgraph(g, at, opsets))) != null) {
                throw new InvalidModelException(where + " has attribute '" + a.getName() + "' twice");
            }
        }
        return new Node(name, domain, np.getOpType(), opset, np.getInputList(), np.getOutputList(), attrs);
    }

    /**
     * A graph attribute's body: its initializers, inputs and outputs by name, and its nodes sorted (a
     * name nothing in it defines is read from an enclosing graph). Types come at expansion, from the
     * values the body is applied to.
     */
    private Subgraph readSubgraph(GraphProto gp, String where, Map<String, Integer> opsets) {
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        for (TensorProto t : gp.getInitializerList()) {
            if (initializers.put(t.getName(), tensors.decode(t, where + " initializer '" + t.getName() + "'")) != null) {
                throw new InvalidModelException(where + ": initializer '" + t.getName() + "' is defined twice");
            }
        }
        if (gp.getSparseInitializerCount() > 0) {
            throw new UnsupportedModelException(where + " has sparse initializers, which edgec does not read");
        }
        List<String> inputs = gp.getInputList().stream().map(ValueInfoProto::getName).toList();
        List<String> outputs = gp.getOutputList().stream().map(ValueInfoProto::getName).toList();
        List<NodeProto> sorted = TopologicalOrder.sort(gp, new HashSet<>(inputs), initializers.keySet(), true);
        Set<String> usedNames = new HashSet<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            NodeProto np = sorted.get(i);
            String domain = np.getDomain().equals("ai.onnx") ? "" : np.getDomain();
            nodes.add(toNode(np, uniqueName(np, i, usedNames), domain, opsets));
        }
        return new Subgraph(gp.getName(), inputs, outputs, initializers, nodes);
    }

    private static boolean isConstant(Node n) {
        return n.domain().isEmpty() && n.opType().equals("Constant");
    }

    private static String uniqueName(NodeProto np, int index, Set<String> used) {
        String base = np.getName().isEmpty() ? np.getOpType() + "_" + index : np.getName();
        String name = base;
        for (int k = 1; !used.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    public static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte x : d) {
                sb.append(String.format("%02x", x));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
