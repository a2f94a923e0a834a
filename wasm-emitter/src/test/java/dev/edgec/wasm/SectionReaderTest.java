package dev.edgec.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SectionReaderTest {
    private static byte[] sample() {
        ModuleBuilder m = new ModuleBuilder();
        FunctionBuilder f = m.addFunction("f", FuncType.of(List.of(), ValType.I32));
        f.code().i32Const(1);
        m.memory(1, 1).exportFunction("f", 0).addData(0, new byte[] {1, 2});
        m.addCustomSection("edgec.signature", "{}".getBytes(StandardCharsets.UTF_8));
        m.addCustomSection("other", new byte[300]);
        return m.encode().bytes();
    }

    @Test
    void listsSectionsInOrder() {
        byte[] wasm = sample();
        List<SectionReader.Section> s = SectionReader.sections(wasm);
        assertEquals(List.of("type", "function", "memory", "export", "code", "data", "edgec.signature", "other"),
                s.stream().map(SectionReader.Section::name).toList());
        assertEquals(wasm.length, 8 + s.stream().mapToInt(SectionReader.Section::totalBytes).sum());
        assertEquals(300, s.get(7).contentSize());
        assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), SectionReader.customSection(wasm, "edgec.signature").orElseThrow());
        assertTrue(SectionReader.customSection(wasm, "missing").isEmpty());
        assertEquals(List.of(), SectionReader.sections(new ModuleBuilder().encode().bytes()));
    }

    private static void assertMalformed(byte[] b) {
        assertThrows(IllegalArgumentException.class, () -> SectionReader.sections(b), () -> Arrays.toString(b));
    }

    @Test
    void badHeaders() {
        assertMalformed(new byte[0]);
        assertMalformed(new byte[] {0, 'a', 's'});
        assertMalformed(new byte[] {0, 'a', 's', 'x', 1, 0, 0, 0});
        assertMalformed(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
    }

    @Test
    void overlongAndTruncatedLengths() {
        byte[] h = {0, 'a', 's', 'm', 1, 0, 0, 0};
        // section size LEB with 6 bytes
        assertMalformed(concat(h, new byte[] {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0}));
        // section size above u32
        assertMalformed(concat(h, new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F}));
        // size LEB cut off
        assertMalformed(concat(h, new byte[] {1, (byte) 0x80}));
        // size 2^31 (negative as int)
        assertMalformed(concat(h, new byte[] {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}));
        // content shorter than declared
        assertMalformed(concat(h, new byte[] {1, 5, 0, 0}));
        // custom section whose name runs past the section
        assertMalformed(concat(h, new byte[] {0, 2, 5, 'a'}));
        // custom section of size 0 at the end (no room for a name)
        assertMalformed(concat(h, new byte[] {0, 0}));
    }

    @Test
    void everyTruncationAndRandomCorruptionThrowsOnlyIllegalArgument() {
        byte[] wasm = sample();
        for (int n = 0; n < wasm.length; n++) {
            byte[] cut = Arrays.copyOf(wasm, n);
            try {
                SectionReader.sections(cut);
            } catch (IllegalArgumentException expected) {
                // fine
            }
        }
        Random r = new Random(42);
        for (int k = 0; k < 2000; k++) {
            byte[] b = wasm.clone();
            for (int j = 0; j < 3; j++) {
                b[8 + r.nextInt(b.length - 8)] = (byte) r.nextInt(256);
            }
            try {
                SectionReader.sections(b);
            } catch (IllegalArgumentException expected) {
                // fine: anything else fails the test
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
