package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.InvalidModelException;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TfIdfVectorizer against ONNX Runtime: the spec's pools over 1-D and 2-D input, then random pools,
 * modes, gram lengths, skips, weights and shapes on tokens from [-3, 3] so that n-grams repeat; and
 * the error paths.
 */
class TfIdfVectorizerTest {
    private static final long[] POOL = {2, 3, 5, 4, 5, 6, 7, 8, 6, 7};

    /** A one-node model on input x0 of {@code t} and {@code shape}. */
    private static byte[] model(DataType t, int[] shape, Object... attributes) {
        return OpCheck.model("TfIdfVectorizer", 9, List.of(t), List.<int[]>of(shape), DataType.FLOAT32, attributes);
    }

    private static void assertMatchesOrt(byte[] model, DataType t, int[] shape, long seed) {
        OpCheck.assertMatchesOrt(model, OpCheck.smallIntegerInputs(List.of(t), List.<int[]>of(shape), seed), DataType.FLOAT32);
    }

    static Stream<Arguments> specCases() {
        return Stream.of(
                Arguments.of("TF bigrams skip 0", "TF", 2, 2, 0, null),
                Arguments.of("TF uni- and bigrams skip 5", "TF", 1, 2, 5, null),
                Arguments.of("IDF bigrams skip 2 weighted", "IDF", 2, 2, 2, new float[] {1, 2, 3, 4, 5, 6, 7}),
                Arguments.of("IDF unweighted", "IDF", 1, 2, 1, null),
                Arguments.of("TFIDF weighted", "TFIDF", 1, 2, 3, new float[] {0.5f, -1, 2, 0.25f, 3, 1.5f, -2}),
                Arguments.of("TFIDF unweighted", "TFIDF", 1, 1, 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specCases")
    void specPoolMatchesOnnxRuntime(String name, String mode, long min, long max, long skip, float[] weights) {
        // pool tokens 2..8 against inputs 2..8: many hits
        for (DataType t : List.of(DataType.INT32, DataType.INT64)) {
            for (int[] shape : List.of(new int[] {12}, new int[] {3, 8})) {
                List<Object> attrs = new ArrayList<>(List.of("mode", mode, "min_gram_length", min, "max_gram_length", max,
                        "max_skip_count", skip, "ngram_counts", new long[] {0, 4}, "ngram_indexes", new long[] {0, 1, 2, 3, 4, 5, 6},
                        "pool_int64s", shifted(POOL, -5)));
                if (weights != null) {
                    attrs.add("weights");
                    attrs.add(weights);
                }
                assertMatchesOrt(model(t, shape, attrs.toArray()), t, shape, shape.length * 10L + t.ordinal());
            }
        }
    }

    /** The pool moved by {@code by}, so that its tokens fall in the [-3, 3] of the random inputs. */
    private static long[] shifted(long[] pool, long by) {
        return Arrays.stream(pool).map(v -> v + by).toArray();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomPoolMatchesOnnxRuntime(long seed) {
        Random rnd = new Random(seed);
        int lengths = 1 + rnd.nextInt(3);
        List<Long> tokens = new ArrayList<>();
        long[] counts = new long[lengths];
        int entries = 0;
        for (int n = 1; n <= lengths; n++) {
            counts[n - 1] = tokens.size();
            Set<List<Long>> grams = new HashSet<>();
            int want = rnd.nextInt(6);
            for (int tries = 0; grams.size() < want && tries < 50; tries++) {
                List<Long> gram = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    gram.add((long) rnd.nextInt(7) - 3);
                }
                if (grams.add(gram)) {
                    tokens.addAll(gram);
                }
            }
            entries += grams.size();
        }
        if (entries == 0) {
            tokens.add(1L);
            counts = new long[] {0};
            entries = 1;
            lengths = 1;
        }
        // columns: a permutation of 0 .. entries - 1, or without weights of a sparser set, so some columns stay 0
        boolean weighted = rnd.nextBoolean();
        int spare = weighted ? 0 : rnd.nextInt(3);
        List<Long> columns = new ArrayList<>(IntStream.range(0, entries + spare).mapToObj(i -> (long) i).toList());
        java.util.Collections.shuffle(columns, rnd);
        long[] indexes = columns.subList(0, entries).stream().mapToLong(Long::longValue).toArray();
        long min = 1 + rnd.nextInt(lengths);
        long max = min + rnd.nextInt(lengths - (int) min + 1);
        String mode = List.of("TF", "IDF", "TFIDF").get(rnd.nextInt(3));
        List<Object> attrs = new ArrayList<>(List.of("mode", mode, "min_gram_length", min, "max_gram_length", max,
                "max_skip_count", (long) rnd.nextInt(4), "ngram_counts", counts, "ngram_indexes", indexes,
                "pool_int64s", tokens.stream().mapToLong(Long::longValue).toArray()));
        if (weighted) {
            float[] w = new float[entries];
            for (int i = 0; i < entries; i++) {
                w[i] = (float) (rnd.nextDouble() * 4 - 1);
            }
            attrs.add("weights");
            attrs.add(w);
        }
        DataType t = rnd.nextBoolean() ? DataType.INT32 : DataType.INT64;
        int[] shape = rnd.nextBoolean() ? new int[] {1 + rnd.nextInt(15)} : new int[] {1 + rnd.nextInt(4), 1 + rnd.nextInt(10)};
        assertMatchesOrt(model(t, shape, attrs.toArray()), t, shape, seed);
    }

    @Test
    void runsInWasmtimeToo() {
        int[] shape = {2, 9};
        byte[] model = model(DataType.INT64, shape, "mode", "TFIDF", "min_gram_length", 1L, "max_gram_length", 3L,
                "max_skip_count", 2L, "ngram_counts", new long[] {0, 2, 6}, "ngram_indexes", new long[] {3, 0, 1, 4, 2},
                "pool_int64s", new long[] {0, 1, 1, 2, -1, 0, 0, 1, 2}, "weights", new float[] {2, 0.5f, 1.5f, 3, -1});
        var inputs = OpCheck.smallIntegerInputs(List.of(DataType.INT64), List.<int[]>of(shape), 3);
        assertNull(ModelCheck.mismatch(model, inputs, Tolerance.ONNX_BACKEND, new WasmtimeRuntime()));
        assertNull(ModelCheck.mismatch(model, inputs, Tolerance.ONNX_BACKEND, new ChicoryRuntime()));
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 16).boxed();
    }

    private static Object[] valid(Object... overrides) {
        List<Object> attrs = new ArrayList<>(List.of("mode", "TF", "min_gram_length", 1L, "max_gram_length", 2L, "max_skip_count", 0L,
                "ngram_counts", new long[] {0, 4}, "ngram_indexes", new long[] {0, 1, 2, 3, 4, 5, 6}, "pool_int64s", POOL));
        for (int i = 0; i < overrides.length; i += 2) {
            int at = attrs.indexOf(overrides[i]);
            if (at < 0) {
                attrs.add(overrides[i]);
                attrs.add(overrides[i + 1]);
            } else if (overrides[i + 1] == null) {
                attrs.remove(at + 1);
                attrs.remove(at);
            } else {
                attrs.set(at + 1, overrides[i + 1]);
            }
        }
        return attrs.toArray();
    }

    private static void assertRejected(Class<? extends dev.edgec.ir.EdgecException> kind, String fragment, int[] shape,
                                       Object... overrides) {
        OpCheck.assertRejected(model(DataType.INT64, shape, valid(overrides)), kind, "TfIdfVectorizer 'TfIdfVectorizer_", fragment);
    }

    @Test
    void rejectsStringPools() {
        assertRejected(UnsupportedModelException.class, "pool_strings", new int[] {4}, "pool_int64s", null,
                "pool_strings", new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"});
    }

    @Test
    void rejectsBadAttributes() {
        int[] x = {6};
        assertRejected(InvalidModelException.class, "mode", x, "mode", "BM25");
        assertRejected(InvalidModelException.class, "mode", x, "mode", null);
        assertRejected(InvalidModelException.class, "min_gram_length", x, "min_gram_length", 0L);
        assertRejected(InvalidModelException.class, "max_gram_length", x, "max_gram_length", 0L, "min_gram_length", 1L);
        assertRejected(InvalidModelException.class, "max_skip_count", x, "max_skip_count", -1L);
        assertRejected(InvalidModelException.class, "ngram_indexes has 6 values", x, "ngram_indexes", new long[] {0, 1, 2, 3, 4, 5});
        assertRejected(InvalidModelException.class, "out of range", x, "ngram_indexes", new long[] {0, 1, 2, 3, 4, 5, -1});
        assertRejected(InvalidModelException.class, "not a multiple of 2", x, "ngram_counts", new long[] {0, 3});
        assertRejected(InvalidModelException.class, "non-decreasing", x, "ngram_counts", new long[] {0, 11});
        assertRejected(InvalidModelException.class, "weights has 2 values", x, "weights", new float[] {1, 2});
        assertRejected(InvalidModelException.class, "reaches column 9", x, "mode", "IDF", "ngram_indexes", new long[] {0, 1, 2, 3, 4, 5, 9},
                "weights", new float[] {1, 2, 3, 4, 5, 6, 7});
        assertRejected(InvalidModelException.class, "pool_int64s", x, "pool_int64s", null);
        assertRejected(InvalidModelException.class, "ngram_counts has 2", x, "max_gram_length", 3L);
        assertRejected(UnsupportedModelException.class, "same column", x, "ngram_indexes", new long[] {0, 1, 2, 3, 4, 5, 0});
        assertRejected(UnsupportedModelException.class, "listed twice", x, "pool_int64s", new long[] {2, 3, 2, 4, 5, 6, 7, 8, 6, 7});
    }

    @Test
    void rejectsBadInput() {
        assertRejected(InvalidModelException.class, "rank 1 or 2", new int[] {2, 3, 4});
        OpCheck.assertRejected(model(DataType.FLOAT32, new int[] {4}, valid()), UnsupportedModelException.class,
                "TfIdfVectorizer", "float32");
    }
}
