package dev.edgec.harness.conformance;

import dev.edgec.ir.EdgecException;

/**
 * Sorts a compile failure into the reason categories of the expectations list, from the kind of
 * error and the operator it names. Only used to suggest a category when blessing the list.
 */
public final class FailureCategory {
    private FailureCategory() {
    }

    public static String of(EdgecException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("STRING") || m.contains("string")) {
            return "string-type";
        }
        if (m.contains("is not a tensor") || m.contains("Sequence") || m.contains("Optional")) {
            return "sequence-type";
        }
        if (containsAny(m, "Adagrad", "Adam", "Momentum", "Gradient", "training_mode")) {
            return "training-op";
        }
        if (containsAny(m, "RandomNormal", "RandomUniform", "Bernoulli", "Multinomial")) {
            return "random";
        }
        if (e instanceof dev.edgec.core.ops.ConstantInputRequiredException) {
            return "data-dependent-shape";
        }
        return switch (e.kind()) {
            case UNSUPPORTED_MODEL -> "not-implemented";
            case RUNTIME -> "wrong-result";
            default -> "error";
        };
    }

    private static boolean containsAny(String m, String... words) {
        for (String w : words) {
            if (m.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
