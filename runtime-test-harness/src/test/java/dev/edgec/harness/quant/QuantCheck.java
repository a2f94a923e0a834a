package dev.edgec.harness.quant;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnxruntime.OrtSession;
import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.cli.runtime.WasmRuntime;
import dev.edgec.core.CompileResult;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.harness.OrtReference;
import dev.edgec.harness.WabtValidator;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Shared helpers of the quantization tests: tensors of quantized types and exact comparison with ONNX Runtime. */
final class QuantCheck {
    private QuantCheck() {
    }

    static void assertExact(byte[] model, Map<String, Tensor> inputs) {
        String why = ModelCheck.mismatch(model, inputs, Tolerance.EXACT, new ChicoryRuntime());
        assertNull(why, why);
    }

    /** How far edgec's first output is from ONNX Runtime's: the largest difference and how many elements differ. */
    record Difference(long max, int count, int total, int distinct) {
    }

    /** Compiles (checking the module with wasm-validate), runs in Chicory and ONNX Runtime, and measures the difference. */
    static Difference difference(byte[] model, Map<String, Tensor> inputs) {
        return difference(model, inputs, CompileOptions.defaults(), new ChicoryRuntime());
    }

    static Difference difference(byte[] model, Map<String, Tensor> inputs, CompileOptions options, WasmRuntime runtime) {
        return difference(model, inputs, options, runtime, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    /** As above, with ONNX Runtime at optimization level {@code ort} (see {@link OrtReference}). */
    static Difference difference(byte[] model, Map<String, Tensor> inputs, CompileOptions options, WasmRuntime runtime,
                                 OrtSession.SessionOptions.OptLevel ort) {
        CompileResult compiled = new Compiler().compile(model, options);
        byte[] wasm = compiled.moduleBytes();
        if (WabtValidator.available()) {
            String invalid = WabtValidator.validateMvp(wasm);
            assertNull(invalid, invalid);
        }
        Tensor reference;
        try (OrtReference session = new OrtReference(model, ort)) {
            reference = session.run(inputs).get(0);
        }
        List<Tensor> ordered = new ArrayList<>();
        for (TensorSpec s : compiled.signature().inputs()) {
            ordered.add(inputs.get(s.name()));
        }
        Tensor actual;
        try (ModuleRunner m = new ModuleRunner(wasm, runtime)) {
            actual = m.run(ordered).get(0);
        }
        assertEquals(reference.type(), actual.type());
        long max = 0;
        int count = 0;
        for (int i = 0; i < reference.elementCount(); i++) {
            long d = Math.abs(actual.getLong(i) - reference.getLong(i));
            max = Math.max(max, d);
            count += d != 0 ? 1 : 0;
        }
        long distinct = java.util.Arrays.stream(reference.toLongs()).distinct().count();
        return new Difference(max, count, reference.elementCount(), (int) distinct);
    }

    /**
     * Asserts edgec is within 1 of ONNX Runtime (fixed-point versus float32 requantization: see
     * {@code Requantizer}) and returns the difference for reporting.
     */
    static Difference assertWithinOne(String what, byte[] model, Map<String, Tensor> inputs) {
        return assertWithinOne(what, model, inputs, CompileOptions.defaults(), new ChicoryRuntime());
    }

    static Difference assertWithinOne(String what, byte[] model, Map<String, Tensor> inputs, CompileOptions options,
                                      WasmRuntime runtime) {
        Difference d = difference(model, inputs, options, runtime);
        System.out.println("[quant] " + what + ": max |edgec - ORT| = " + d.max() + ", " + d.count() + " of " + d.total()
                + " elements differ (" + d.distinct() + " distinct values)");
        assertTrue(d.max() <= 1, what + ": max difference " + d.max());
        return d;
    }

    static void assertRejected(byte[] model, Class<? extends EdgecException> kind, String fragment) {
        EdgecException e = assertThrows(kind, () -> new Compiler().compile(model, CompileOptions.defaults()));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** Uniform random integers over the whole range of {@code t}. */
    static Tensor randomInts(DataType t, int[] dims, Random rnd) {
        Shape s = Shape.of(dims);
        long[] v = new long[s.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (t) {
                case INT8 -> rnd.nextInt(256) - 128;
                case UINT8 -> rnd.nextInt(256);
                case INT16 -> rnd.nextInt(65536) - 32768;
                case UINT16 -> rnd.nextInt(65536);
                case INT32 -> rnd.nextInt(2_000_001) - 1_000_000;
                default -> throw new IllegalArgumentException(t.toString());
            };
        }
        return Tensor.ofLongs(t, s, v);
    }

    /** Integers of {@code t} in {@code [lo, hi]}. */
    static Tensor ints(DataType t, int[] dims, Random rnd, int lo, int hi) {
        Shape s = Shape.of(dims);
        long[] v = new long[s.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + rnd.nextInt(hi - lo + 1);
        }
        return Tensor.ofLongs(t, s, v);
    }

    static Tensor floats(int[] dims, Random rnd, double lo, double hi) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (lo + rnd.nextDouble() * (hi - lo));
        }
        return Tensor.ofFloats(s, v);
    }

    /** Positive scales in [lo, hi). */
    static Tensor scales(int count, Random rnd, double lo, double hi, boolean scalar) {
        Shape s = scalar ? Shape.scalar() : Shape.of(count);
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = (float) (lo + rnd.nextDouble() * (hi - lo));
        }
        return Tensor.ofFloats(s, v);
    }

    static long[] longs(int... dims) {
        long[] l = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            l[i] = dims[i];
        }
        return l;
    }
}
