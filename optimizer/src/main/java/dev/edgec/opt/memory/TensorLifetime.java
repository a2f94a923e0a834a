package dev.edgec.opt.memory;

/**
 * A tensor that needs arena space from step {@code first} to step {@code last} inclusive (steps are
 * node positions in execution order). Two tensors whose step ranges overlap may not share bytes.
 */
public record TensorLifetime(String name, long bytes, int first, int last) {
    public TensorLifetime {
        if (bytes < 0 || first > last) {
            throw new IllegalArgumentException(name + ": bytes " + bytes + ", steps " + first + ".." + last);
        }
    }

    boolean overlaps(TensorLifetime o) {
        return first <= o.last && o.first <= last;
    }
}
