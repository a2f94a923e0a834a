package dev.edgec.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes function bodies back into instructions, driven by the {@link Opcode} table. Used by
 * {@code edgec inspect} and by tests (the writer's output reads back as what was written; an
 * integer-only module holds no f32/f64 instruction). Malformed input throws
 * {@link IllegalArgumentException}.
 */
public final class Disassembler {
    /**
     * One instruction: its byte offset (within the decoded expression), its opcode, and its
     * immediates in binary order. Block types are their type byte ({@code 0x40} for none); f32/f64
     * constants are their raw bit patterns; {@code br_table} lists its labels, then the default.
     */
    public record Instruction(int offset, Opcode opcode, List<Long> immediates) {
        public Instruction {
            immediates = List.copyOf(immediates);
        }

        /** Text form, e.g. {@code f32.load align=2 offset=16} or {@code f32.const 1.5}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(opcode.text());
            switch (opcode.immediate()) {
                case MEM -> sb.append(" align=").append(1L << immediates.get(0)).append(" offset=").append(immediates.get(1));
                case F32 -> sb.append(' ').append(Float.intBitsToFloat((int) (long) immediates.get(0)));
                case F64 -> sb.append(' ').append(Double.longBitsToDouble(immediates.get(0)));
                case BLOCK -> {
                    long t = immediates.get(0);
                    if (t != 0x40) {
                        sb.append(" (result ").append(valTypeName((int) t)).append(')');
                    }
                }
                case MEMIDX, NONE -> {
                }
                default -> immediates.forEach(v -> sb.append(' ').append(v));
            }
            return sb.toString();
        }
    }

    /** One decoded code section entry: its declared locals (expanded) and body, final {@code end} included. */
    public record Function(List<ValType> locals, List<Instruction> body) {
        public Function {
            locals = List.copyOf(locals);
            body = List.copyOf(body);
        }
    }

    private Disassembler() {
    }

    /** Decodes every function body of a module binary (an empty list when it has no code section). */
    public static List<Function> functions(byte[] wasm) {
        for (SectionReader.Section s : SectionReader.sections(wasm)) {
            if (s.id() == 10) {
                return codeSection(wasm, s.contentOffset(), s.contentSize());
            }
        }
        return List.of();
    }

    /** Decodes the content of a code section (its entry count, then each entry). */
    public static List<Function> codeSection(byte[] b, int offset, int size) {
        checkRange(b, offset, size);
        Reader r = new Reader(b, offset, offset + size);
        long count = r.u32();
        List<Function> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long bodySize = r.u32();
            if (bodySize > r.end - r.pos) {
                throw new IllegalArgumentException("function body " + i + " runs past the code section");
            }
            int bodyEnd = r.pos + (int) bodySize;
            Reader body = new Reader(b, r.pos, bodyEnd);
            List<ValType> locals = new ArrayList<>();
            long groups = body.u32();
            for (long g = 0; g < groups; g++) {
                long n = body.u32();
                ValType t = valType(body.u8());
                if (locals.size() + n > 50_000) {
                    throw new IllegalArgumentException("function body " + i + " declares too many locals");
                }
                for (long k = 0; k < n; k++) {
                    locals.add(t);
                }
            }
            out.add(new Function(locals, decode(body, r.pos)));
            r.pos = bodyEnd;
        }
        if (r.pos != r.end) {
            throw new IllegalArgumentException("code section has " + (r.end - r.pos) + " trailing bytes");
        }
        return out;
    }

    /** Decodes a bare instruction sequence (as {@link Code} writes it, without a final {@code end}). */
    public static List<Instruction> instructions(byte[] b, int offset, int size) {
        checkRange(b, offset, size);
        return decode(new Reader(b, offset, offset + size), offset);
    }

    private static List<Instruction> decode(Reader r, int base) {
        List<Instruction> out = new ArrayList<>();
        while (r.pos < r.end) {
            int at = r.pos - base;
            int code = r.u8();
            Opcode op = Opcode.byCode(code);
            if (op == null) {
                throw new IllegalArgumentException(String.format("unknown opcode 0x%02X at byte %d", code, r.pos - 1));
            }
            List<Long> imm = new ArrayList<>(2);
            switch (op.immediate()) {
                case NONE -> {
                }
                case BLOCK -> {
                    int t = r.u8();
                    if (t != 0x40) {
                        valType(t);
                    }
                    imm.add((long) t);
                }
                case LABEL, FUNC, LOCAL, GLOBAL -> imm.add(r.u32());
                case TABLE -> {
                    long n = r.u32();
                    if (n > r.end - r.pos) {
                        throw new IllegalArgumentException("br_table at byte " + (r.pos - 1) + " is truncated");
                    }
                    for (long k = 0; k <= n; k++) {
                        imm.add(r.u32());
                    }
                }
                case MEM -> {
                    imm.add(r.u32());
                    imm.add(r.u32());
                }
                case MEMIDX -> {
                    int m = r.u8();
                    if (m != 0) {
                        throw new IllegalArgumentException("memory index " + m + " at byte " + (r.pos - 1));
                    }
                }
                case I32 -> imm.add(r.s(32));
                case I64 -> imm.add(r.s(64));
                case F32 -> imm.add(r.fixed(4) & 0xFFFFFFFFL);
                case F64 -> imm.add(r.fixed(8));
            }
            out.add(new Instruction(at, op, imm));
        }
        return out;
    }

    private static void checkRange(byte[] b, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > b.length) {
            throw new IllegalArgumentException("range " + offset + "+" + size + " is outside " + b.length + " bytes");
        }
    }

    private static ValType valType(int code) {
        for (ValType t : ValType.values()) {
            if (t.code() == code) {
                return t;
            }
        }
        throw new IllegalArgumentException(String.format("unknown value type 0x%02X", code));
    }

    private static String valTypeName(int code) {
        return valType(code).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A cursor over {@code [pos, end)} that refuses to read past {@code end}. */
    private static final class Reader {
        private final byte[] b;
        private final int end;
        private int pos;

        Reader(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int u8() {
            if (pos >= end) {
                throw new IllegalArgumentException("unexpected end of code at byte " + pos);
            }
            return b[pos++] & 0xFF;
        }

        long u32() {
            long result = 0;
            for (int shift = 0; ; shift += 7) {
                if (shift > 28) {
                    throw new IllegalArgumentException("overlong LEB128 at byte " + pos);
                }
                int x = u8();
                result |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    break;
                }
            }
            if (result > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("LEB128 u32 too large at byte " + pos);
            }
            return result;
        }

        /** Signed LEB128 of {@code bits} width, sign-extended to a long. */
        long s(int bits) {
            long result = 0;
            int shift = 0;
            int x;
            do {
                if (shift >= 7 * ((bits + 6) / 7)) {
                    throw new IllegalArgumentException("overlong LEB128 at byte " + pos);
                }
                x = u8();
                result |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            if (shift < 64 && (x & 0x40) != 0) {
                result |= -1L << shift;
            }
            return bits == 32 ? (long) (int) result : result;
        }

        long fixed(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= (long) u8() << (8 * i);
            }
            return v;
        }
    }
}
