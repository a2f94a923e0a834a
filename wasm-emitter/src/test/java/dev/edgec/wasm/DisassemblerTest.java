package dev.edgec.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgec.wasm.Disassembler.Instruction;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The disassembler reads back exactly what {@link Code} wrote, for every MVP opcode. */
class DisassemblerTest {
    private static List<Instruction> decode(Code c) {
        byte[] b = c.bytes().toByteArray();
        return Disassembler.instructions(b, 0, b.length);
    }

    private static String normalized(String s) {
        return s.replace(".", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Every operand-free writer method emits one instruction whose text name is the method's name. */
    @Test
    void everyOperandFreeMethodWritesItsOpcode() throws Exception {
        Set<Opcode> seen = EnumSet.noneOf(Opcode.class);
        int methods = 0;
        for (Method m : Code.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.getParameterCount() != 0 || m.getReturnType() != Code.class
                    || List.of("end", "block", "loop", "if_", "memorySize").contains(m.getName())) {
                continue;
            }
            Code c = new Code();
            m.invoke(c);
            List<Instruction> ins = decode(c);
            assertEquals(1, ins.size(), m.getName());
            assertEquals(normalized(m.getName()), normalized(ins.get(0).opcode().text()), m.getName());
            assertEquals(List.of(), ins.get(0).immediates());
            seen.add(ins.get(0).opcode());
            methods++;
        }
        assertTrue(methods > 120, "found only " + methods + " methods");
    }

    @Test
    void immediatesReadBack() {
        Code c = new Code();
        c.block(BlockType.of(ValType.F32)).loop().if_().else_().end().end().end()
                .br(3).brIf(129).brTable(new int[] {0, 2, 300}, 5).call(70000)
                .localGet(0).localSet(128).localTee(1).globalGet(2).globalSet(3).memorySize()
                .i32Const(-65).i64Const(Long.MIN_VALUE).f32Const(-2.5f).f64Const(Math.PI)
                .f32Load(16).i64Store(new MemArg(0, 1 << 20)).i32Load8U(3);
        List<Instruction> ins = decode(c);
        List<String> text = ins.stream().map(Instruction::toString).toList();
        assertEquals(List.of("block (result f32)", "loop", "if", "else", "end", "end", "end",
                "br 3", "br_if 129", "br_table 0 2 300 5", "call 70000",
                "local.get 0", "local.set 128", "local.tee 1", "global.get 2", "global.set 3", "memory.size",
                "i32.const -65", "i64.const " + Long.MIN_VALUE, "f32.const -2.5", "f64.const " + Math.PI,
                "f32.load align=4 offset=16", "i64.store align=1 offset=1048576", "i32.load8_u align=1 offset=3"), text);
        assertEquals(List.of((long) ValType.F32.code()), ins.get(0).immediates());
        assertEquals(List.of(Float.floatToRawIntBits(-2.5f) & 0xFFFFFFFFL), ins.get(19).immediates());
        assertEquals(0, ins.get(0).offset());
        assertEquals(2, ins.get(1).offset());
    }

    @Test
    void everyMemoryAccessAtItsNaturalAlignment() {
        List<Opcode> mem = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (op.immediate() == Opcode.Immediate.MEM) {
                mem.add(op);
            }
        }
        Code c = new Code();
        c.i32Load(1).i64Load(2).f32Load(3).f64Load(4).i32Load8S(5).i32Load8U(6).i32Load16S(7).i32Load16U(8)
                .i64Load8S(9).i64Load8U(10).i64Load16S(11).i64Load16U(12).i64Load32S(13).i64Load32U(14)
                .i32Store(15).i64Store(16).f32Store(17).f64Store(18).i32Store8(19).i32Store16(20)
                .i64Store8(21).i64Store16(22).i64Store32(23);
        List<Instruction> ins = decode(c);
        assertEquals(mem, ins.stream().map(Instruction::opcode).toList());
        for (int k = 0; k < ins.size(); k++) {
            assertEquals(List.of((long) MemArg.log2Width(mem.get(k)), (long) k + 1), ins.get(k).immediates());
        }
    }

    @Test
    void everyOpcodeIsCoveredBySomeTest() throws Exception {
        Set<Opcode> covered = EnumSet.noneOf(Opcode.class);
        for (Method m : Code.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == Code.class
                    && !List.of("end", "block", "loop", "if_").contains(m.getName())) {
                Code c = new Code();
                m.invoke(c);
                decode(c).forEach(i -> covered.add(i.opcode()));
            }
        }
        Code c = new Code();
        c.block().loop().if_().end().end().end().br(0).brIf(0).brTable(new int[0], 0).call(0).localGet(0).localSet(0)
                .localTee(0).globalGet(0).globalSet(0).i32Const(0).i64Const(0).f32Const(0).f64Const(0)
                .i32Load(0).i64Load(0).f32Load(0).f64Load(0).i32Load8S(0).i32Load8U(0).i32Load16S(0).i32Load16U(0)
                .i64Load8S(0).i64Load8U(0).i64Load16S(0).i64Load16U(0).i64Load32S(0).i64Load32U(0)
                .i32Store(0).i64Store(0).f32Store(0).f64Store(0).i32Store8(0).i32Store16(0)
                .i64Store8(0).i64Store16(0).i64Store32(0);
        decode(c).forEach(i -> covered.add(i.opcode()));
        assertEquals(EnumSet.allOf(Opcode.class), covered);
    }

    @Test
    void decodesAModulesFunctions() {
        ModuleBuilder m = new ModuleBuilder();
        FunctionBuilder f = m.addFunction("f", FuncType.of(List.of(ValType.I32), ValType.I32));
        f.addLocal(ValType.I64);
        f.addLocal(ValType.I64);
        f.code().localGet(0).i32Const(1).i32Add();
        FunctionBuilder g = m.addFunction("g", FuncType.of(List.of(), null));
        g.code().nop();
        List<Disassembler.Function> fs = Disassembler.functions(m.encode().bytes());
        assertEquals(2, fs.size());
        assertEquals(List.of(ValType.I64, ValType.I64), fs.get(0).locals());
        assertEquals(List.of("local.get 0", "i32.const 1", "i32.add", "end"),
                fs.get(0).body().stream().map(Instruction::toString).toList());
        assertEquals(List.of(Opcode.NOP, Opcode.END), fs.get(1).body().stream().map(Instruction::opcode).toList());
        assertEquals(List.of(), Disassembler.functions(new ModuleBuilder().encode().bytes()));
    }

    @Test
    void corruptedModulesThrowOnlyIllegalArgument() {
        ModuleBuilder m = new ModuleBuilder();
        FunctionBuilder f = m.addFunction("f", FuncType.of(List.of(ValType.I32), ValType.F32));
        f.addLocal(ValType.F32);
        f.code().block(BlockType.of(ValType.F32)).localGet(0).brTable(new int[] {0, 0}, 0).f32Const(1.5f).end()
                .localGet(0).f32Load(64).f32Add().localSet(1).i64Const(-1).i64Store(8).localGet(1);
        byte[] wasm = m.encode().bytes();
        java.util.Random r = new java.util.Random(5);
        for (int k = 0; k < 20_000; k++) {
            byte[] b = wasm.clone();
            for (int j = 1 + r.nextInt(3); j > 0; j--) {
                b[8 + r.nextInt(b.length - 8)] = (byte) r.nextInt(256);
            }
            try {
                Disassembler.functions(b);
            } catch (IllegalArgumentException expected) {
                // fine: any other exception fails the test
            }
        }
    }

    @Test
    void malformedCodeThrowsIllegalArgument() {
        byte[][] bad = {
            {0x41},                                   // i32.const without its immediate
            {(byte) 0xFD, 0x00},                      // a SIMD prefix: not MVP
            {0x20, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00}, // overlong u32
            {0x41, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00}, // overlong s32
            {0x02, 0x55},                             // bad block type
            {0x3F, 0x01},                             // memory index 1
            {0x0E, (byte) 0xFF, (byte) 0xFF, 0x03},   // br_table with a huge count
            {0x44, 0, 0, 0},                          // truncated f64
        };
        for (byte[] b : bad) {
            assertThrows(IllegalArgumentException.class, () -> Disassembler.instructions(b, 0, b.length));
        }
        assertThrows(IllegalArgumentException.class, () -> Disassembler.instructions(new byte[2], 1, 2));
        // a code section whose body size runs past its end
        assertThrows(IllegalArgumentException.class, () -> Disassembler.codeSection(new byte[] {1, 9, 0, 0x0B}, 0, 4));
    }
}
