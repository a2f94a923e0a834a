package dev.edgec.harness.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs many fuzz cases without stopping at the first failure: each case has its own time limit, and
 * failures are grouped by {@link FuzzOracle.Problem#signature()} so one bug found 500 times is
 * reported (and saved to {@code target/fuzz-failures/}) once, with its first seed.
 */
final class LongFuzzRun {
    private final List<byte[]> seeds;
    private final Duration perCase;

    LongFuzzRun(List<byte[]> seeds, Duration perCase) {
        this.seeds = seeds;
        this.perCase = perCase;
    }

    /** {@code java ... LongFuzzRun TRIES [FIRST_SEED]}: the long run without Maven (see docs/fuzzing.md). */
    public static void main(String[] args) throws Exception {
        long tries = Long.parseLong(args[0]);
        long first = args.length > 1 ? Long.parseLong(args[1]) : 1;
        System.out.println(new LongFuzzRun(FuzzSeeds.all(), CompilerFuzzTest.PER_CASE).run(first, tries));
        System.exit(0);
    }

    String run(long firstSeed, long tries) throws IOException, InterruptedException {
        Map<String, String> distinct = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        long started = System.nanoTime();
        for (long seed = firstSeed; seed < firstSeed + tries; seed++) {
            ModelMutator.Mutant m = ModelMutator.mutate(seeds.get((int) Math.floorMod(seed, (long) seeds.size())), seed);
            Future<FuzzOracle.Verdict> f = worker.submit(() -> FuzzOracle.judge(m.bytes()));
            FuzzOracle.Problem p;
            try {
                FuzzOracle.Verdict v = f.get(perCase.toMillis(), TimeUnit.MILLISECONDS);
                outcomes.merge(v.outcome(), 1, Integer::sum);
                if (Boolean.getBoolean("edgec.fuzz.log")) {
                    System.out.println(seed + " | " + m.description() + " | " + v.outcome() + " | " + v.detail());
                }
                p = v.problem();
            } catch (TimeoutException e) {
                String stuck = stuckAt();
                f.cancel(true);
                worker.shutdownNow();
                worker = Executors.newSingleThreadExecutor(daemon()); // the stuck thread is abandoned
                p = new FuzzOracle.Problem("timeout at " + stuck.lines().findFirst().orElse(""), "took over " + perCase + ", in " + stuck);
            } catch (ExecutionException e) {
                p = new FuzzOracle.Problem("oracle threw " + e.getCause(), String.valueOf(e.getCause()));
            }
            if (p != null) {
                counts.merge(p.signature(), 1, Integer::sum);
                if (!distinct.containsKey(p.signature())) {
                    String name = "seed-" + Long.toUnsignedString(seed, 16);
                    CompilerFuzzTest.save(m.bytes(), name);
                    distinct.put(p.signature(), name + ": " + m.description() + ": " + p.message());
                }
            }
            if ((seed - firstSeed + 1) % 1000 == 0) {
                System.out.printf("fuzz: %d cases, %d distinct failures, %.0f s, %s%n", seed - firstSeed + 1,
                        distinct.size(), (System.nanoTime() - started) / 1e9, outcomes);
            }
        }
        worker.shutdownNow();
        StringBuilder report = new StringBuilder();
        report.append("fuzz: seeds ").append(firstSeed).append("..").append(firstSeed + tries - 1)
                .append(", cases: ").append(tries).append(", distinct failures: ").append(distinct.size())
                .append(String.format(", %.0f s%n", (System.nanoTime() - started) / 1e9))
                .append("  outcomes: ").append(outcomes).append('\n');
        distinct.forEach((sig, first) -> report.append("  [").append(counts.get(sig)).append("x] ").append(first).append('\n'));
        Files.createDirectories(CompilerFuzzTest.FAILURES);
        Files.writeString(CompilerFuzzTest.FAILURES.resolve("report.txt"), report, StandardCharsets.UTF_8);
        return report.toString();
    }

    private Thread current;

    private java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            current = t;
            return t;
        };
    }

    /** The edgec frames the timed-out case is stuck in, innermost first. */
    private String stuckAt() {
        StringBuilder s = new StringBuilder();
        for (StackTraceElement f : current.getStackTrace()) {
            if (f.getClassName().startsWith("dev.edgec") && s.length() < 600) {
                s.append(f.getClassName()).append('.').append(f.getMethodName()).append(':').append(f.getLineNumber()).append('\n');
            }
        }
        return s.toString();
    }
}
