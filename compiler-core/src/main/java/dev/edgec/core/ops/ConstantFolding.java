package dev.edgec.core.ops;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compile-time evaluation of small constant tensors, shared by the operators' {@link Operator#evaluate}
 * so that shape subgraphs (Shape → Gather → Unsqueeze → Concat → Reshape, shape arithmetic with Add,
 * Mul, Div, Equal, Where) fold at import. Only tensors of at most {@link #MAX_ELEMENTS} elements are
 * folded here: larger constant subgraphs, and every operator without an evaluate hook, are folded by
 * running their kernels at compile time ({@code dev.edgec.core.fold}: at import when an operator needs
 * the value, else in the -O1 pass {@code fold-constants}).
 */
public final class ConstantFolding {
    /** Shape arithmetic handles a few dozen values; larger constants are left to the kernels. */
    public static final int MAX_ELEMENTS = 1024;

    /** Element types whose Java long/double arithmetic here matches the kernels bit for bit. */
    private static final List<DataType> FOLDABLE = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT8,
            DataType.INT16, DataType.INT32, DataType.INT64, DataType.BOOL);

    /** A binary function on integers (of the input type, sign-extended) and on floats. */
    public record Scalar(java.util.function.LongBinaryOperator onIntegers, java.util.function.DoubleBinaryOperator onFloats) {
    }

    private ConstantFolding() {
    }

    /** The node's inputs when every one is a constant of at most {@link #MAX_ELEMENTS} elements. */
    public static Optional<List<Tensor>> smallConstantInputs(OpContext ctx) {
        List<Tensor> ins = new ArrayList<>();
        for (int i = 0; i < ctx.inputCount(); i++) {
            Optional<Tensor> t = ctx.constantInput(i);
            if (t.isEmpty() || t.get().elementCount() > MAX_ELEMENTS) {
                return Optional.empty();
            }
            ins.add(t.get());
        }
        return Optional.of(ins);
    }

    /**
     * For each element of {@code out} in row-major order, the flat index of the element each input
     * (numpy-broadcast to {@code out}) contributes: {@code result[input][outputElement]}.
     */
    public static int[][] broadcastIndices(List<Shape> inputs, Shape out) {
        int n = out.elementCount();
        int[][] result = new int[inputs.size()][n];
        int rank = out.rank();
        for (int i = 0; i < inputs.size(); i++) {
            Shape s = inputs.get(i);
            int[] strides = s.strides();
            int[] index = new int[rank];
            for (int e = 0; e < n; e++) {
                int at = 0;
                for (int d = 0; d < s.rank(); d++) {
                    int od = d + rank - s.rank();
                    at += s.dim(d) == 1 ? 0 : index[od] * strides[d];
                }
                result[i][e] = at;
                for (int d = rank - 1; d >= 0; d--) {
                    if (++index[d] < out.dim(d)) {
                        break;
                    }
                    index[d] = 0;
                }
            }
        }
        return result;
    }

    /**
     * {@code f(a, b)} elementwise with broadcasting into {@code out}, or empty when the inputs are not
     * small constants of a type folded here. Integer results are truncated to the output type's
     * width (wrapping, as the kernels do); float results are rounded to it.
     */
    public static Optional<List<Tensor>> binary(OpContext ctx, TensorType out, Scalar f) {
        Optional<List<Tensor>> ins = smallConstantInputs(ctx);
        if (ins.isEmpty() || ins.get().size() != 2 || !FOLDABLE.contains(ins.get().get(0).dataType())
                || out.elementCount() > MAX_ELEMENTS) {
            return Optional.empty();
        }
        Tensor a = ins.get().get(0);
        Tensor b = ins.get().get(1);
        int[][] at = broadcastIndices(List.of(a.shape(), b.shape()), out.shape());
        int n = out.elementCount();
        if (a.dataType().isFloating()) {
            double[] v = new double[n];
            for (int e = 0; e < n; e++) {
                v[e] = f.onFloats().applyAsDouble(a.getDouble(at[0][e]), b.getDouble(at[1][e]));
            }
            // a float32 result rounds once to float: + - * / of floats are exact in double before that
            return Optional.of(List.of(Tensor.ofDoubles(out.dataType(), out.shape(), v)));
        }
        long[] v = new long[n];
        for (int e = 0; e < n; e++) {
            v[e] = f.onIntegers().applyAsLong(a.getLong(at[0][e]), b.getLong(at[1][e]));
        }
        return Optional.of(List.of(Tensor.ofLongs(out.dataType(), out.shape(), v)));
    }

    /** Picks, elementwise with broadcasting, element of {@code x} where {@code cond} is true and of {@code y} elsewhere. */
    public static Tensor select(Tensor cond, Tensor x, Tensor y, TensorType out) {
        int[][] at = broadcastIndices(List.of(cond.shape(), x.shape(), y.shape()), out.shape());
        int bytes = out.dataType().byteSize();
        byte[] data = new byte[(int) out.byteSize()];
        var xs = x.data();
        var ys = y.data();
        for (int e = 0; e < out.elementCount(); e++) {
            boolean c = cond.getLong(at[0][e]) != 0;
            (c ? xs : ys).get((c ? at[1][e] : at[2][e]) * bytes, data, e * bytes, bytes);
        }
        return Tensor.of(out, data);
    }

    /**
     * {@code f(x)} elementwise (same shape, element type {@code out}'s), or empty when the input is not
     * a small constant of a type folded here. Float results are rounded to the output type.
     */
    public static Optional<List<Tensor>> unary(OpContext ctx, TensorType out, java.util.function.DoubleUnaryOperator onFloats,
                                               java.util.function.LongUnaryOperator onIntegers) {
        Optional<List<Tensor>> ins = smallConstantInputs(ctx);
        if (ins.isEmpty() || ins.get().size() != 1 || !FOLDABLE.contains(ins.get().get(0).dataType())
                || !FOLDABLE.contains(out.dataType())) {
            return Optional.empty();
        }
        Tensor x = ins.get().get(0);
        int n = x.elementCount();
        if (x.dataType().isFloating()) {
            double[] v = new double[n];
            for (int e = 0; e < n; e++) {
                v[e] = onFloats.applyAsDouble(x.getDouble(e));
            }
            return Optional.of(List.of(Tensor.ofDoubles(out.dataType(), out.shape(), v)));
        }
        long[] v = new long[n];
        for (int e = 0; e < n; e++) {
            v[e] = onIntegers.applyAsLong(x.getLong(e));
        }
        return Optional.of(List.of(Tensor.ofLongs(out.dataType(), out.shape(), v)));
    }

    /**
     * Cast of a small constant to {@code out}'s element type, where Java arithmetic gives the kernel's
     * result exactly: integers wrap, floats round to nearest, floats to integers truncate when finite and
     * in range (others are left to the kernel), anything to bool is "not zero". Empty otherwise.
     */
    public static Optional<List<Tensor>> cast(OpContext ctx, TensorType out) {
        Optional<List<Tensor>> ins = smallConstantInputs(ctx);
        DataType to = out.dataType();
        if (ins.isEmpty() || ins.get().size() != 1 || !FOLDABLE.contains(ins.get().get(0).dataType()) || !FOLDABLE.contains(to)) {
            return Optional.empty();
        }
        Tensor x = ins.get().get(0);
        int n = x.elementCount();
        boolean fromFloat = x.dataType().isFloating();
        if (to.isFloating()) {
            double[] v = new double[n];
            for (int e = 0; e < n; e++) {
                if (!fromFloat && Math.abs(x.getLong(e)) > (1L << 53)) {
                    return Optional.empty(); // long -> double -> float could round twice
                }
                v[e] = fromFloat ? x.getDouble(e) : x.getLong(e);
            }
            return Optional.of(List.of(Tensor.ofDoubles(to, out.shape(), v)));
        }
        long[] v = new long[n];
        for (int e = 0; e < n; e++) {
            if (to == DataType.BOOL) {
                v[e] = (fromFloat ? x.getDouble(e) != 0 : x.getLong(e) != 0) ? 1 : 0;
            } else if (fromFloat) {
                double d = x.getDouble(e);
                if (!Double.isFinite(d) || Math.abs(d) >= Math.pow(2, 8 * to.byteSize() - 1)) {
                    return Optional.empty();
                }
                v[e] = (long) d;
            } else {
                v[e] = x.getLong(e);
            }
        }
        return Optional.of(List.of(Tensor.ofLongs(to, out.shape(), v)));
    }
}
