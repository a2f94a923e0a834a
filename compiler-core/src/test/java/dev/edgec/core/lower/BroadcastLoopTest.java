package dev.edgec.core.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.Compiler;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.ir.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Add of two float32 inputs with numpy broadcasting, compiled and run in Chicory, against a Java
 * reference that indexes every element from scratch (no merged loops, no stride tricks).
 */
class BroadcastLoopTest {
    private static final Compiler COMPILER = new Compiler();

    /** A random output shape and two input shapes that broadcast to it. */
    static int[][] shapes(Random r) {
        int rank = r.nextInt(5);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            out[d] = 1 + r.nextInt(4);
        }
        int[][] in = new int[2][];
        for (int j = 0; j < 2; j++) {
            int ownRank = r.nextInt(rank + 1);
            in[j] = new int[ownRank];
            for (int d = 0; d < ownRank; d++) {
                int od = out[rank - ownRank + d];
                in[j][d] = r.nextInt(3) == 0 ? 1 : od;
            }
        }
        // the output is the broadcast of the inputs: a dimension stays only if some input has it
        int[] actual = new int[rank];
        for (int d = 0; d < rank; d++) {
            actual[d] = 1;
            for (int[] s : in) {
                int sd = d - (rank - s.length);
                if (sd >= 0) {
                    actual[d] = Math.max(actual[d], s[sd]);
                }
            }
        }
        return new int[][] {in[0], in[1], actual};
    }

    static float[] reference(int[] a, float[] av, int[] b, float[] bv, int[] out) {
        int n = 1;
        for (int d : out) {
            n *= d;
        }
        float[] r = new float[n];
        int[] idx = new int[out.length];
        for (int i = 0; i < n; i++) {
            int rem = i;
            for (int d = out.length - 1; d >= 0; d--) {
                idx[d] = rem % out[d];
                rem /= out[d];
            }
            r[i] = av[flat(a, idx)] + bv[flat(b, idx)];
        }
        return r;
    }

    /** Row-major index into {@code shape} of the output index {@code idx}, broadcasting size-1 and missing dims. */
    private static int flat(int[] shape, int[] idx) {
        int offset = idx.length - shape.length;
        int f = 0;
        for (int d = 0; d < shape.length; d++) {
            f = f * shape[d] + (shape[d] == 1 ? 0 : idx[d + offset]);
        }
        return f;
    }

    static byte[] addModel(int[] a, int[] b) {
        OnnxBuilder m = new OnnxBuilder("add", 13);
        String x = m.input("a", DataType.FLOAT32, Arrays.stream(a).asLongStream().toArray());
        String y = m.input("b", DataType.FLOAT32, Arrays.stream(b).asLongStream().toArray());
        m.output(m.node("Add", List.of(x, y)), DataType.FLOAT32);
        return m.toBytes();
    }

    static float[] random(Random r, int[] shape) {
        float[] v = new float[Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 10);
        }
        return v;
    }

    static float[] run(byte[] wasm, float[] a, float[] b, int outCount) {
        Instance inst = Instance.builder(Parser.parse(wasm)).build();
        write(inst, (int) inst.export("input_ptr").apply(0)[0], a);
        write(inst, (int) inst.export("input_ptr").apply(1)[0], b);
        assertEquals(0, inst.export("run").apply()[0]);
        int out = (int) inst.export("output_ptr").apply(0)[0];
        ByteBuffer bytes = ByteBuffer.wrap(inst.memory().readBytes(out, 4 * outCount)).order(ByteOrder.LITTLE_ENDIAN);
        float[] r = new float[outCount];
        for (int i = 0; i < outCount; i++) {
            r[i] = bytes.getFloat();
        }
        return r;
    }

    private static void write(Instance inst, int address, float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        inst.memory().write(address, b.array());
    }

    private static void check(int[] a, int[] b, int[] out, long seed) {
        Random r = new Random(seed);
        float[] av = random(r, a);
        float[] bv = random(r, b);
        float[] expected = reference(a, av, b, bv, out);
        byte[] wasm = COMPILER.compile(addModel(a, b), CompileOptions.defaults()).moduleBytes();
        float[] actual = run(wasm, av, bv, expected.length);
        // f32 addition is exact IEEE in both Java and wasm: the results must be bit-identical
        assertArrayEquals(expected, actual, Arrays.toString(a) + " + " + Arrays.toString(b));
    }

    @Property(tries = 60)
    void randomBroadcastablePairs(@ForAll Random random) {
        int[][] s = shapes(random);
        check(s[0], s[1], s[2], random.nextLong());
    }

    @Example
    void namedCases() {
        int[][][] cases = {
            {{2, 3, 4}, {2, 3, 4}, {2, 3, 4}},         // equal: one flat loop
            {{1, 3, 1, 1}, {2, 3, 4, 5}, {2, 3, 4, 5}}, // per-channel bias
            {{}, {3, 2}, {3, 2}},                      // scalar
            {{3, 1}, {1, 4}, {3, 4}},                  // outer product shape
            {{4}, {3, 1}, {3, 4}},                     // rank mismatch, both broadcast
            {{1, 1}, {1}, {1, 1}},                     // all ones
            {{5, 1, 3}, {1, 4, 1}, {5, 4, 3}},
            {{2, 1, 3, 1}, {1, 2, 1, 3}, {2, 2, 3, 3}},
        };
        long seed = 1;
        for (int[][] c : cases) {
            check(c[0], c[1], c[2], seed++);
        }
    }
}
