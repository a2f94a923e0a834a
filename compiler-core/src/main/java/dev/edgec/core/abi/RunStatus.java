package dev.edgec.core.abi;

/**
 * The values {@code run()} returns (ABI v1). A module never traps on input data: a kernel that meets
 * input it cannot compute on stops the run and reports why with one of these codes.
 */
public enum RunStatus {
    /** The outputs are valid. */
    OK(0, "success"),
    /** An index input (Gather, GatherElements, ScatterND, OneHot…) was outside its axis. */
    INDEX_OUT_OF_RANGE(1, "an index input is out of range"),
    /** A data-dependent size (e.g. a Range or TopK count read from an input) exceeds the compiled bound. */
    SIZE_OUT_OF_BOUNDS(2, "a data-dependent size exceeds its compile-time bound");

    private final int code;
    private final String meaning;

    RunStatus(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The status with this code, or null for a code ABI v1 does not define. */
    public static RunStatus of(int code) {
        for (RunStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }
}
