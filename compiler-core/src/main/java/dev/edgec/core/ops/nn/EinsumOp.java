package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Einsum (opsets 12–21; float32, float64, int32, int64), ellipsis included: a loop
 * per output letter, then a loop per summed letter, accumulating the product of the operands' elements.
 * A letter repeated in one operand reads its diagonal. Covers matmul, batch matmul, transposes, sums,
 * traces, diagonals and outer products with one general plan; ellipsis dimensions broadcast.
 */
public final class EinsumOp implements Operator {
    private static final List<DataType> TYPES = List.of(DataType.FLOAT32, DataType.FLOAT64, DataType.INT32, DataType.INT64);

    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        EinsumEquation eq = equation(ctx);
        Map<Character, Integer> sizes = sizes(ctx, eq);
        int[] out = new int[eq.output().length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sizes.get(eq.output().charAt(i));
        }
        return List.of(new TensorType(ctx.inputType(0).dataType(), Shape.of(out)));
    }

    private static EinsumEquation equation(OpContext ctx) {
        if (ctx.inputCount() < 1) {
            throw ctx.error("takes at least 1 input");
        }
        DataType t = ctx.expectType(0, TYPES);
        for (int i = 1; i < ctx.inputCount(); i++) {
            if (ctx.expectType(i, TYPES) != t) {
                throw ctx.error("all inputs must have the same type; input " + i + " is " + ctx.inputType(i).dataType());
            }
        }
        String s = ctx.attrs().getString("equation", null);
        if (s == null) {
            throw ctx.error("required attribute 'equation' is missing");
        }
        int[] ranks = new int[ctx.inputCount()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = ctx.inputType(i).shape().rank();
        }
        try {
            return EinsumEquation.parse(s, ranks);
        } catch (IllegalArgumentException e) {
            throw ctx.error("equation '" + s + "': " + e.getMessage());
        }
    }

    private static Map<Character, Integer> sizes(OpContext ctx, EinsumEquation eq) {
        Map<Character, Integer> sizes = new HashMap<>();
        for (int i = 0; i < eq.operands().size(); i++) {
            String letters = eq.operands().get(i);
            Shape s = ctx.inputType(i).shape();
            if (s.rank() != letters.length()) {
                throw ctx.error("operand " + i + " '" + letters + "' has " + letters.length() + " subscripts but input "
                        + i + " has shape " + s);
            }
            for (int a = 0; a < letters.length(); a++) {
                char ch = letters.charAt(a);
                Integer previous = sizes.putIfAbsent(ch, s.dim(a));
                if (previous != null && previous != s.dim(a)) {
                    // Ellipsis dimensions broadcast: a size of 1 stretches to the other.
                    if (!EinsumEquation.isEllipsisLetter(ch) || (previous != 1 && s.dim(a) != 1)) {
                        throw ctx.error("letter '" + ch + "' has size " + previous + " and " + s.dim(a));
                    }
                    sizes.put(ch, Math.max(previous, s.dim(a)));
                }
            }
        }
        return sizes;
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        EinsumEquation eq = equation(ctx);
        Map<Character, Integer> sizes = sizes(ctx, eq);
        DataType t = ctx.inputType(0).dataType();
        ValType vt = KernelWriter.stackType(t);
        Code c = k.code();
        String loopLetters = eq.output() + eq.reduced();
        Map<Character, Integer> index = new HashMap<>();
        int acc = k.newLocal(vt);
        int outPtr = k.newI32();
        int y = k.address(ctx.outputName(0));
        c.i32Const(0).localSet(outPtr);
        Runnable body = () -> {
            pushConst(c, vt, 1);
            for (int i = 0; i < eq.operands().size(); i++) {
                String letters = eq.operands().get(i);
                Shape shape = ctx.inputType(i).shape();
                int[] strides = shape.strides();
                c.i32Const(0);
                for (int a = 0; a < letters.length(); a++) {
                    if (shape.dim(a) == 1) {
                        continue; // index 0 always, also when an ellipsis dimension broadcasts
                    }
                    c.localGet(index.get(letters.charAt(a))).i32Const(strides[a] * t.byteSize()).i32Mul().i32Add();
                }
                k.load(t, k.address(ctx.inputName(i)));
                mul(c, vt);
            }
            c.localGet(acc);
            add(c, vt);
            c.localSet(acc);
        };
        loops(k, loopLetters, 0, eq.output().length(), sizes, index, () -> {
            pushConst(c, vt, 0);
            c.localSet(acc);
        }, body, () -> {
            c.localGet(outPtr).localGet(acc);
            k.store(t, y);
            c.localGet(outPtr).i32Const(t.byteSize()).i32Add().localSet(outPtr);
        });
    }

    /** Nested loops over {@code letters}; {@code before}/{@code after} run around the summed letters' loops. */
    private static void loops(KernelWriter k, String letters, int level, int outputLetters, Map<Character, Integer> sizes,
                              Map<Character, Integer> index, Runnable before, Runnable body, Runnable after) {
        if (level == outputLetters) {
            before.run();
            summed(k, letters, level, sizes, index, body);
            after.run();
            return;
        }
        k.forRange(sizes.get(letters.charAt(level)), i -> {
            index.put(letters.charAt(level), i);
            loops(k, letters, level + 1, outputLetters, sizes, index, before, body, after);
        });
    }

    private static void summed(KernelWriter k, String letters, int level, Map<Character, Integer> sizes,
                               Map<Character, Integer> index, Runnable body) {
        if (level == letters.length()) {
            body.run();
            return;
        }
        k.forRange(sizes.get(letters.charAt(level)), i -> {
            index.put(letters.charAt(level), i);
            summed(k, letters, level + 1, sizes, index, body);
        });
    }

    private static void pushConst(Code c, ValType vt, int v) {
        switch (vt) {
            case F32 -> c.f32Const(v);
            case F64 -> c.f64Const(v);
            case I64 -> c.i64Const(v);
            default -> c.i32Const(v);
        }
    }

    private static void mul(Code c, ValType vt) {
        switch (vt) {
            case F32 -> c.f32Mul();
            case F64 -> c.f64Mul();
            case I64 -> c.i64Mul();
            default -> c.i32Mul();
        }
    }

    private static void add(Code c, ValType vt) {
        switch (vt) {
            case F32 -> c.f32Add();
            case F64 -> c.f64Add();
            case I64 -> c.i64Add();
            default -> c.i32Add();
        }
    }

    @Override
    public long macs(OpContext ctx) {
        EinsumEquation eq = equation(ctx);
        Map<Character, Integer> sizes = sizes(ctx, eq);
        long n = 1;
        for (int s : sizes.values()) {
            n *= s;
        }
        return n;
    }
}
