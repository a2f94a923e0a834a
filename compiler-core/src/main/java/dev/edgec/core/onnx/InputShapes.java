package dev.edgec.core.onnx;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --input-shape name=1x3x96x96} values. */
public final class InputShapes {
    private InputShapes() {
    }

    public static Map<String, long[]> parse(List<String> specs) {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new EdgecUsageException("--input-shape '" + spec + "' must look like NAME=1x3x224x224");
            }
            String name = spec.substring(0, eq);
            String dims = spec.substring(eq + 1);
            String[] parts = dims.split("[x,]", -1);
            long[] shape = new long[dims.equals("scalar") ? 0 : parts.length];
            for (int i = 0; i < shape.length; i++) {
                try {
                    shape[i] = Long.parseLong(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new EdgecUsageException("--input-shape '" + spec + "': '" + parts[i] + "' is not a dimension");
                }
                if (shape[i] < 0) {
                    throw new EdgecUsageException("--input-shape '" + spec + "': dimension " + shape[i] + " is negative");
                }
            }
            if (out.put(name, shape) != null) {
                throw new EdgecUsageException("--input-shape gives input '" + name + "' twice");
            }
        }
        return out;
    }
}
