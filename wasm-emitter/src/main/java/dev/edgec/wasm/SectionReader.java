package dev.edgec.wasm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Lists the sections of a module binary without decoding their contents: enough to find custom
 * sections and measure section sizes. Full parsing and validation is left to real runtimes.
 */
public final class SectionReader {
    /**
     * One section: its id, its name (the custom section's own name, or the standard section's
     * name), and where its content lies. {@code totalBytes} counts the id and size prefix too.
     */
    public record Section(int id, String name, int contentOffset, int contentSize, int totalBytes) {
    }

    private static final String[] NAMES = {"custom", "type", "import", "function", "table", "memory", "global",
            "export", "start", "element", "code", "data", "datacount"};

    private SectionReader() {
    }

    /** Reads the section list; throws {@link IllegalArgumentException} for anything that is not a wasm binary. */
    public static List<Section> sections(byte[] wasm) {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new IllegalArgumentException("not a WebAssembly module (bad magic number)");
        }
        if (wasm[4] != 1 || wasm[5] != 0 || wasm[6] != 0 || wasm[7] != 0) {
            throw new IllegalArgumentException("unsupported WebAssembly binary version");
        }
        List<Section> out = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < wasm.length) {
            int start = pos[0];
            int id = wasm[pos[0]++] & 0xFF;
            int size = readU32(wasm, pos);
            int content = pos[0];
            if (size < 0 || content + (long) size > wasm.length) {
                throw new IllegalArgumentException("section at byte " + start + " runs past the end of the module");
            }
            String name = id < NAMES.length ? NAMES[id] : "unknown";
            if (id == 0) {
                int[] p = {content};
                int len = readU32(wasm, p);
                if (len < 0 || p[0] + (long) len > content + (long) size) {
                    throw new IllegalArgumentException("custom section name at byte " + start + " is malformed");
                }
                name = new String(wasm, p[0], len, StandardCharsets.UTF_8);
                int skip = p[0] + len - content;
                out.add(new Section(id, name, p[0] + len, size - skip, content + size - start));
            } else {
                out.add(new Section(id, name, content, size, content + size - start));
            }
            pos[0] = content + size;
        }
        return out;
    }

    /** The content of the first custom section called {@code name}. */
    public static Optional<byte[]> customSection(byte[] wasm, String name) {
        return sections(wasm).stream().filter(s -> s.id() == 0 && s.name().equals(name)).findFirst()
                .map(s -> Arrays.copyOfRange(wasm, s.contentOffset(), s.contentOffset() + s.contentSize()));
    }

    private static int readU32(byte[] b, int[] pos) {
        long result = 0;
        int shift = 0;
        while (true) {
            if (pos[0] >= b.length || shift > 28) {
                throw new IllegalArgumentException("malformed LEB128 at byte " + pos[0]);
            }
            int x = b[pos[0]++] & 0xFF;
            result |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        if (result > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("LEB128 value too large at byte " + pos[0]);
        }
        return (int) result;
    }
}
