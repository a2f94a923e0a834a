package dev.edgec.harness.conformance;

/** What running one conformance case gave: a pass, or a failure with its category and message. */
public record Outcome(boolean passed, String category, String message) {
    public static Outcome pass() {
        return new Outcome(true, null, null);
    }

    public static Outcome fail(String category, String message) {
        return new Outcome(false, category, message);
    }
}
