package dev.edgec.core.report;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link CompileReport} as an aligned text table, or as JSON for CI. */
public final class ReportFormatter {
    private ReportFormatter() {
    }

    public static String text(CompileReport r) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-28s %-20s %-18s %12s %10s %8s %10s %10s%n";
        sb.append(String.format(Locale.ROOT, fmt, "node", "op", "output", "MACs", "weights", "code", "offset", "bytes"));
        for (NodeReport n : r.nodes()) {
            sb.append(String.format(Locale.ROOT, fmt, clip(n.name(), 28), clip(n.opType(), 20),
                    clip(n.output().dataType().signatureName() + "[" + n.output().shape() + "]", 18), n.macs(),
                    n.weightBytes(), n.codeBytes(), n.arenaOffset() < 0 ? "-" : String.valueOf(n.arenaOffset()), n.arenaBytes()));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "module     %,d bytes (code %,d, data %,d, custom %,d)%n", r.moduleBytes(),
                r.codeBytes(), r.dataBytes(), r.customBytes()));
        sb.append(String.format(Locale.ROOT, "memory     %d pages = %,d bytes (weights %,d, arena %,d)%n", r.memoryPages(),
                r.memoryBytes(), r.weightBytes(), r.arenaPeak()));
        sb.append(String.format(Locale.ROOT, "arena      peak %,d bytes, lower bound %,d (ratio %.3f)%n", r.arenaPeak(),
                r.arenaLowerBound(), r.arenaRatio()));
        sb.append(String.format(Locale.ROOT, "compute    %,d MACs%n", r.totalMacs()));
        return sb.toString();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    public static String json(CompileReport r) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("module_bytes", r.moduleBytes());
        totals.put("code_bytes", r.codeBytes());
        totals.put("data_bytes", r.dataBytes());
        totals.put("custom_bytes", r.customBytes());
        totals.put("memory_pages", r.memoryPages());
        totals.put("memory_bytes", r.memoryBytes());
        totals.put("weight_bytes", r.weightBytes());
        totals.put("arena_peak_bytes", r.arenaPeak());
        totals.put("arena_lower_bound_bytes", r.arenaLowerBound());
        totals.put("total_macs", r.totalMacs());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("nodes", r.nodes().stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n.name());
            m.put("op", n.opType());
            m.put("dtype", n.output().dataType().signatureName());
            m.put("shape", n.output().shape().dims());
            m.put("macs", n.macs());
            m.put("weight_bytes", n.weightBytes());
            m.put("code_bytes", n.codeBytes());
            m.put("arena_offset", n.arenaOffset());
            m.put("arena_bytes", n.arenaBytes());
            return m;
        }).toList());
        root.put("totals", totals);
        return new GsonBuilder().setPrettyPrinting().create().toJson(root);
    }
}
