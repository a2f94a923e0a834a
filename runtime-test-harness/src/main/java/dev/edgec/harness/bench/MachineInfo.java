package dev.edgec.harness.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the benchmark ran on: CPU, cores, memory, OS, JDK, Node and the versions of the peers. */
final class MachineInfo {
    private MachineInfo() {
    }

    /** Rows of the machine table, in order. */
    static Map<String, String> describe(Path nodeDir) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        m.put("CPU", cpuModel());
        m.put("CPU vector extensions", vectorFlags());
        m.put("cores (JVM sees)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("memory", memTotal());
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("Node", command("node", "--version"));
        m.put("wasmtime-java", jarVersion("wasmtime-java"));
        m.put("Chicory", jarVersion("runtime"));
        m.put("ONNX Runtime Java", jarVersion("onnxruntime"));
        m.put("onnxruntime-web", packageVersion(nodeDir.resolve("node_modules/onnxruntime-web/package.json")));
        return m;
    }

    /** The 1-minute load average: how busy the shared machine was. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Peak RSS of a Node process that loads nothing: the floor under both Node systems' figures. */
    static long bareNodeRssKiB() {
        // VmHWM, as protocol.mjs reports it: getrusage would report the JVM's peak (see there)
        String s = command("node", "-e", "const m = /VmHWM:\\s+(\\d+) kB/.exec(require('fs').readFileSync("
                + "'/proc/self/status', 'utf8')); process.stdout.write(String(m ? m[1] : process.resourceUsage().maxRSS))");
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** The x86 vector extensions ONNX Runtime's native kernels can use (edgec's MVP modules use none). */
    private static String vectorFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    List<String> flags = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                    List<String> vector = Stream.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni")
                            .filter(flags::contains).toList();
                    return vector.isEmpty() ? "none of SSE4.2/AVX/AVX2/FMA/AVX-512" : String.join(" ", vector);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1048576.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return "?";
    }

    /** The version in the file name of the first class path jar named {@code artifact-VERSION.jar}. */
    private static String jarVersion(String artifact) {
        Pattern p = Pattern.compile("(?:^|[/\\\\])" + Pattern.quote(artifact) + "-(\\d[^/\\\\]*)\\.jar$");
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Matcher m = p.matcher(entry);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "?";
    }

    private static String packageVersion(Path packageJson) {
        try {
            return com.google.gson.JsonParser.parseString(Files.readString(packageJson)).getAsJsonObject().get("version").getAsString();
        } catch (IOException | RuntimeException e) {
            return "not installed";
        }
    }

    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "? (" + cmd[0] + " failed)";
        } catch (IOException e) {
            return "? (" + cmd[0] + " not found)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
