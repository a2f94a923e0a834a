package dev.edgec.harness;

import dev.edgec.wasm.Disassembler;
import dev.edgec.wasm.SectionReader;
import java.util.ArrayList;
import java.util.List;

/** Finds what in a module binary is float, to prove an integer-only module has none. */
public final class FloatParts {
    private FloatParts() {
    }

    /**
     * Every float part of a module: f32/f64 instructions and locals of each function (from the
     * disassembled code section), and f32/f64 parameters, results and globals (from the type and global
     * sections, whose value types are bytes 0x7D and 0x7C).
     */
    public static List<String> of(byte[] wasm) {
        List<String> found = new ArrayList<>();
        List<Disassembler.Function> functions = Disassembler.functions(wasm);
        for (int f = 0; f < functions.size(); f++) {
            for (var local : functions.get(f).locals()) {
                if (local.name().startsWith("F")) {
                    found.add("function " + f + " local " + local);
                }
            }
            for (Disassembler.Instruction in : functions.get(f).body()) {
                String op = in.opcode().text();
                if (op.contains("f32") || op.contains("f64")) {
                    found.add("function " + f + ": " + op);
                }
            }
        }
        for (SectionReader.Section s : SectionReader.sections(wasm)) {
            if (s.id() == 1) {
                found.addAll(floatTypes(wasm, s));
            } else if (s.id() == 6) {
                found.addAll(floatGlobals(wasm, s));
            }
        }
        return found;
    }

    /** Type section: count, then per type 0x60, params (count, value types), results (count, value types). */
    private static List<String> floatTypes(byte[] b, SectionReader.Section s) {
        List<String> found = new ArrayList<>();
        int[] p = {s.contentOffset()};
        long types = u32(b, p);
        for (long t = 0; t < types; t++) {
            if ((b[p[0]++] & 0xff) != 0x60) {
                throw new IllegalArgumentException("type " + t + " is not a function type");
            }
            for (String part : new String[] {"parameter", "result"}) {
                long n = u32(b, p);
                for (long i = 0; i < n; i++) {
                    int vt = b[p[0]++] & 0xff;
                    if (vt == 0x7D || vt == 0x7C) {
                        found.add("type " + t + " " + part + " " + (vt == 0x7D ? "f32" : "f64"));
                    }
                }
            }
        }
        return found;
    }

    /** Global section: count, then per global its value type, mutability and a constant init expression ending in 0x0B. */
    private static List<String> floatGlobals(byte[] b, SectionReader.Section s) {
        List<String> found = new ArrayList<>();
        int[] p = {s.contentOffset()};
        long globals = u32(b, p);
        for (long g = 0; g < globals; g++) {
            int vt = b[p[0]] & 0xff;
            if (vt == 0x7D || vt == 0x7C) {
                found.add("global " + g + " " + (vt == 0x7D ? "f32" : "f64"));
            }
            p[0] += 2;
            int op = b[p[0]++] & 0xff;
            switch (op) {
                case 0x41, 0x42, 0x23 -> u32(b, p); // i32/i64.const (LEB128; only its length matters) or global.get
                case 0x43 -> p[0] += 4;
                case 0x44 -> p[0] += 8;
                default -> throw new IllegalArgumentException("unexpected init opcode " + op + " of global " + g);
            }
            if ((b[p[0]++] & 0xff) != 0x0B) {
                throw new IllegalArgumentException("global " + g + " has a non-constant init expression");
            }
        }
        return found;
    }

    private static long u32(byte[] b, int[] p) {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[p[0]++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }
}
