package dev.edgec.core.ops.text;

import dev.edgec.core.ops.OpContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The n-gram pool of a TfIdfVectorizer node, read from its attributes and checked at compile time:
 * the pool's tokens grouped by n-gram length, and for each pool entry (in pool order) its output
 * column and weight.
 *
 * @param mode how counts become outputs
 * @param minLength shortest n-gram length counted ({@code min_gram_length})
 * @param maxLength longest n-gram length counted ({@code max_gram_length})
 * @param maxSkip largest number of tokens skipped between an n-gram's items ({@code max_skip_count})
 * @param tokens {@code pool_int64s}: the n-grams' items, all 1-grams first, then all 2-grams, ...
 * @param groups the entries of each n-gram length present in the pool
 * @param columns per entry, its output column ({@code ngram_indexes})
 * @param weights the weight of each output column, or null (all ones). The spec words it as the weight of
 *     each pool entry, but ONNX Runtime and the ONNX reference implementation both weigh output column c
 *     by weights[c]; the two readings agree when ngram_indexes is 0, 1, 2, ...
 * @param width output columns: max(ngram_indexes) + 1
 */
record NgramPool(Mode mode, int minLength, int maxLength, int maxSkip, long[] tokens, List<Group> groups, int[] columns,
                 float[] weights, int width) {

    /** The weighting criterion ({@code mode}). */
    enum Mode {
        /** The count of each n-gram. */
        TF,
        /** The weight of each n-gram found at least once, else 0. */
        IDF,
        /** The count times the weight. */
        TFIDF
    }

    /**
     * The pool entries of n-gram length {@code length}: entries {@code firstEntry ...} whose items
     * start at {@code tokens[firstToken]}, {@code length} items per entry.
     */
    record Group(int length, int firstToken, int firstEntry, int entries) {
    }

    /** Whether n-grams of this group's length are counted. */
    boolean counts(Group g) {
        return g.length() >= minLength && g.length() <= maxLength;
    }

    static NgramPool read(OpContext ctx) {
        if (ctx.attrs().has("pool_strings")) {
            throw ctx.unsupported("string n-gram pools (pool_strings) are not supported; edgec takes int32 or int64 "
                    + "input with pool_int64s");
        }
        Mode mode = mode(ctx);
        long min = ctx.attrs().requireInt("min_gram_length");
        long max = ctx.attrs().requireInt("max_gram_length");
        long skip = ctx.attrs().requireInt("max_skip_count");
        if (min < 1 || max < min || max > Integer.MAX_VALUE) {
            throw ctx.error("min_gram_length " + min + " and max_gram_length " + max + " must satisfy 1 <= min <= max");
        }
        if (skip < 0 || skip > Integer.MAX_VALUE) {
            throw ctx.error("max_skip_count must be 0 or more, got " + skip);
        }
        long[] tokens = ctx.attrs().getInts("pool_int64s", null);
        if (tokens == null) {
            throw ctx.error("attribute 'pool_int64s' is required (with integer input)");
        }
        long[] counts = required(ctx, "ngram_counts");
        if (counts.length < max) {
            // as ONNX Runtime requires: every counted length has its start in the pool
            throw ctx.error("ngram_counts has " + counts.length + " values; max_gram_length " + max + " needs one per length");
        }
        long[] indexes = required(ctx, "ngram_indexes");
        List<Group> groups = groups(ctx, counts, tokens.length);
        int entries = groups.isEmpty() ? 0 : groups.get(groups.size() - 1).firstEntry() + groups.get(groups.size() - 1).entries();
        if (indexes.length != entries) {
            throw ctx.error("ngram_indexes has " + indexes.length + " values but the pool holds " + entries + " n-grams");
        }
        int[] columns = columns(ctx, indexes);
        float[] weights = ctx.attrs().getFloats("weights", null);
        if (weights != null && weights.length != entries) {
            throw ctx.error("weights has " + weights.length + " values but the pool holds " + entries + " n-grams");
        }
        checkDistinct(ctx, tokens, groups);
        int width = Arrays.stream(columns).max().orElse(-1) + 1;
        if (weights != null && mode != Mode.TF && width > weights.length) {
            throw ctx.error("weights has " + weights.length + " values but ngram_indexes reaches column " + (width - 1)
                    + "; column c is weighted by weights[c]");
        }
        return new NgramPool(mode, (int) min, (int) max, (int) skip, tokens, groups, columns, weights, width);
    }

    private static Mode mode(OpContext ctx) {
        String mode = ctx.attrs().getString("mode", null);
        if (mode == null) {
            throw ctx.error("required attribute 'mode' is missing");
        }
        try {
            return Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw ctx.error("mode must be TF, IDF or TFIDF, got '" + mode + "'");
        }
    }

    private static long[] required(OpContext ctx, String name) {
        long[] v = ctx.attrs().getInts(name, null);
        if (v == null || v.length == 0) {
            throw ctx.error("required attribute '" + name + "' is missing or empty");
        }
        return v;
    }

    /** ngram_counts[n - 1] is the token offset of the first n-gram of length n; the last length runs to the pool's end. */
    private static List<Group> groups(OpContext ctx, long[] counts, int poolSize) {
        if (counts[0] != 0) {
            throw ctx.error("ngram_counts must start at 0, got " + Arrays.toString(counts));
        }
        List<Group> groups = new ArrayList<>();
        int entry = 0;
        for (int i = 0; i < counts.length; i++) {
            long from = counts[i];
            long to = i + 1 < counts.length ? counts[i + 1] : poolSize;
            int length = i + 1;
            if (to < from || to > poolSize) {
                throw ctx.error("ngram_counts " + Arrays.toString(counts) + " must be non-decreasing offsets into pool_int64s of "
                        + poolSize + " values");
            }
            if ((to - from) % length != 0) {
                throw ctx.error("the " + length + "-grams of pool_int64s span " + (to - from) + " values, not a multiple of " + length);
            }
            int n = (int) ((to - from) / length);
            if (n > 0) {
                groups.add(new Group(length, (int) from, entry, n));
                entry += n;
            }
        }
        return groups;
    }

    private static int[] columns(OpContext ctx, long[] indexes) {
        int[] columns = new int[indexes.length];
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < indexes.length; i++) {
            if (indexes[i] < 0 || indexes[i] >= Integer.MAX_VALUE / 4) {
                throw ctx.error("ngram_indexes value " + indexes[i] + " is out of range");
            }
            Integer before = seen.put(indexes[i], i);
            if (before != null) {
                throw ctx.unsupported("ngram_indexes maps n-grams " + before + " and " + i + " to the same column " + indexes[i]);
            }
            columns[i] = (int) indexes[i];
        }
        return columns;
    }

    /** An n-gram listed twice would have two columns, and which one counts it is not defined. */
    private static void checkDistinct(OpContext ctx, long[] tokens, List<Group> groups) {
        for (Group g : groups) {
            Map<List<Long>, Integer> seen = new HashMap<>();
            for (int e = 0; e < g.entries(); e++) {
                int at = g.firstToken() + e * g.length();
                List<Long> gram = Arrays.stream(tokens, at, at + g.length()).boxed().toList();
                Integer before = seen.put(gram, e);
                if (before != null) {
                    throw ctx.unsupported("the " + g.length() + "-gram " + gram + " is listed twice in pool_int64s");
                }
            }
        }
    }
}
