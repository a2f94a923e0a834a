package dev.edgec.harness.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.TensorType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A system that runs in a Node process of its own: one of the host scripts in
 * {@code runtime-test-harness/bench/}, driven through the line protocol of {@code protocol.mjs}. The
 * process stays alive for the whole model, so its timing batches interleave with the JVM's systems;
 * Node times each inference itself with {@code process.hrtime} (wall) and {@code process.cpuUsage}
 * (CPU, the whole process, microsecond resolution).
 */
final class NodeContender implements Contender {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path stderr;
    private final Path workDir;
    private final List<TensorType> outputs;

    /**
     * Starts {@code node script model inputDir} and waits until the script has prepared the model.
     *
     * @param outputs the output types, graph order, to read the raw output bytes back as tensors
     */
    NodeContender(Path script, Path model, Path inputDir, List<TensorType> outputs) {
        this.outputs = outputs;
        this.workDir = inputDir;
        this.stderr = inputDir.resolve(script.getFileName() + ".stderr");
        try {
            process = new ProcessBuilder("node", script.toString(), model.toString(), inputDir.toString())
                    .directory(script.getParent().toFile())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node: " + e.getMessage(), e);
        }
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reply();
    }

    @Override
    public List<Tensor> infer() {
        Path dir = workDir.resolve("node-outputs");
        try {
            Files.createDirectories(dir);
            send("check " + dir);
            List<Tensor> result = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                result.add(Tensor.of(outputs.get(i), Files.readAllBytes(dir.resolve("output_" + i + ".bin"))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Timings time(int n) {
        JsonObject reply = send("time " + n);
        return new Timings(longs(reply.getAsJsonArray("ns")), longs(reply.getAsJsonArray("cpuNs")));
    }

    private static long[] longs(JsonArray a) {
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsLong();
        }
        return v;
    }

    @Override
    public OptionalLong peakRssKiB() {
        return OptionalLong.of(send("rss").get("maxRssKiB").getAsLong());
    }

    private JsonObject send(String command) {
        try {
            in.write(command + "\n");
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("node exited: " + stderrTail(), e);
        }
        return reply();
    }

    private JsonObject reply() {
        String line;
        try {
            line = out.readLine();
        } catch (IOException e) {
            throw new IllegalStateException("reading from node failed: " + e.getMessage(), e);
        }
        if (line == null) {
            throw new IllegalStateException("node exited: " + stderrTail());
        }
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        if (o.has("error")) {
            throw new IllegalStateException(o.get("error").getAsString());
        }
        return o;
    }

    private String stderrTail() {
        try {
            waitBriefly();
            List<String> lines = Files.readAllLines(stderr);
            return lines.isEmpty() ? "(no stderr)" : String.join(" ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(stderr unreadable)";
        }
    }

    private void waitBriefly() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.close();
        } catch (IOException e) {
            // already gone
        }
        waitBriefly();
        process.destroy();
    }
}
