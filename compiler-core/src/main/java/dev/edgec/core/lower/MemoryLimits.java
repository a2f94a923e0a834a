package dev.edgec.core.lower;

/** Facts of the wasm32 memory model. */
public final class MemoryLimits {
    public static final int PAGE_BYTES = 65536;
    /** 65536 pages of 64 KiB. Addresses must also fit the signed i32 loop arithmetic, so edgec keeps below 2 GiB. */
    public static final long MAX_MEMORY_BYTES = 1L << 31;

    private MemoryLimits() {
    }

    public static int pagesFor(long bytes) {
        return (int) Math.max(1, (bytes + PAGE_BYTES - 1) / PAGE_BYTES);
    }
}
