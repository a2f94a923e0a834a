package dev.edgec.core.onnx;

import java.util.Map;

/** Facts about the source model that the module signature records. */
public record ModelInfo(String sha256, Map<String, Integer> opsets, String producer, long irVersion) {
    public ModelInfo {
        opsets = Map.copyOf(opsets);
    }

    /** The imported version of the default ONNX domain. */
    public int defaultOpset() {
        return opsets.getOrDefault("", 0);
    }

    public int opset(String domain) {
        return opsets.getOrDefault(domain.equals("ai.onnx") ? "" : domain, 0);
    }
}
