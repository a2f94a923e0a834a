package dev.edgec.wasm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a WebAssembly module with no imports. Each section is built from its own list and the
 * module is the concatenation of sections in the order the binary format requires. Types are
 * deduplicated so that identical signatures share one entry.
 */
public final class ModuleBuilder {
    private static final byte[] HEADER = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

    private final List<FuncType> types = new ArrayList<>();
    private final List<FunctionBuilder> functions = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final Map<String, byte[]> customSections = new LinkedHashMap<>();
    private Limits memory;
    private String moduleName;

    private record Global(ValType type, boolean mutable, long initBits) {
    }

    private record Export(String name, int kind, int index) {
    }

    private record DataSegment(int offset, byte[] bytes) {
    }

    private record Limits(int min, Integer max) {
    }

    /** Adds a function; its index is fixed now so that calls to it can be written before its body. */
    public FunctionBuilder addFunction(String name, FuncType type) {
        FunctionBuilder f = new FunctionBuilder(functions.size(), name, type);
        functions.add(f);
        return f;
    }

    public List<FunctionBuilder> functions() {
        return List.copyOf(functions);
    }

    /** Declares the single linear memory, in 64 KiB pages. */
    public ModuleBuilder memory(int minPages, Integer maxPages) {
        memory = new Limits(minPages, maxPages);
        return this;
    }

    /** Adds a global initialised to a constant; returns its index. {@code initBits} is the value's bit pattern. */
    public int addGlobal(ValType type, boolean mutable, long initBits) {
        globals.add(new Global(type, mutable, initBits));
        return globals.size() - 1;
    }

    public ModuleBuilder exportFunction(String name, int functionIndex) {
        exports.add(new Export(name, 0x00, functionIndex));
        return this;
    }

    public ModuleBuilder exportMemory(String name) {
        exports.add(new Export(name, 0x02, 0));
        return this;
    }

    /** An active data segment copied into memory 0 at {@code offset} when the module is instantiated. */
    public ModuleBuilder addData(int offset, byte[] bytes) {
        data.add(new DataSegment(offset, bytes.clone()));
        return this;
    }

    public ModuleBuilder addCustomSection(String name, byte[] content) {
        customSections.put(name, content.clone());
        return this;
    }

    /** Sets the module name recorded in the {@code name} section, which also names every function. */
    public ModuleBuilder moduleName(String name) {
        moduleName = name;
        return this;
    }

    private int typeIndex(FuncType t) {
        int i = types.indexOf(t);
        if (i < 0) {
            types.add(t);
            i = types.size() - 1;
        }
        return i;
    }

    public EncodedModule encode() {
        WasmBytes out = new WasmBytes(1024).bytes(HEADER);
        Map<String, Integer> sizes = new LinkedHashMap<>();

        List<Integer> funcTypeIndices = new ArrayList<>();
        functions.forEach(f -> funcTypeIndices.add(typeIndex(f.type())));

        if (!types.isEmpty()) {
            WasmBytes s = new WasmBytes().u32(types.size());
            types.forEach(t -> t.writeTo(s));
            section(out, sizes, 1, "type", s);
        }
        if (!functions.isEmpty()) {
            WasmBytes s = new WasmBytes().u32(functions.size());
            funcTypeIndices.forEach(s::u32);
            section(out, sizes, 3, "function", s);
        }
        if (memory != null) {
            WasmBytes s = new WasmBytes().u32(1);
            limits(s, memory);
            section(out, sizes, 5, "memory", s);
        }
        if (!globals.isEmpty()) {
            WasmBytes s = new WasmBytes().u32(globals.size());
            for (Global g : globals) {
                s.u8(g.type().code()).u8(g.mutable() ? 1 : 0);
                switch (g.type()) {
                    case I32 -> s.u8(Opcode.I32_CONST.code()).s32((int) g.initBits());
                    case I64 -> s.u8(Opcode.I64_CONST.code()).s64(g.initBits());
                    case F32 -> s.u8(Opcode.F32_CONST.code()).f32(Float.intBitsToFloat((int) g.initBits()));
                    case F64 -> s.u8(Opcode.F64_CONST.code()).f64(Double.longBitsToDouble(g.initBits()));
                }
                s.u8(Opcode.END.code());
            }
            section(out, sizes, 6, "global", s);
        }
        if (!exports.isEmpty()) {
            WasmBytes s = new WasmBytes().u32(exports.size());
            exports.forEach(e -> s.name(e.name()).u8(e.kind()).u32(e.index()));
            section(out, sizes, 7, "export", s);
        }
        List<Integer> functionSizes = new ArrayList<>();
        if (!functions.isEmpty()) {
            WasmBytes s = new WasmBytes(4096).u32(functions.size());
            for (FunctionBuilder f : functions) {
                int before = s.size();
                f.writeBodyTo(s);
                functionSizes.add(s.size() - before);
            }
            section(out, sizes, 10, "code", s);
        }
        if (!data.isEmpty()) {
            WasmBytes s = new WasmBytes(4096).u32(data.size());
            for (DataSegment d : data) {
                s.u32(0).u8(Opcode.I32_CONST.code()).s32(d.offset()).u8(Opcode.END.code());
                s.u32(d.bytes().length).bytes(d.bytes());
            }
            section(out, sizes, 11, "data", s);
        }
        for (Map.Entry<String, byte[]> c : customSections.entrySet()) {
            WasmBytes s = new WasmBytes().name(c.getKey()).bytes(c.getValue());
            section(out, sizes, 0, "custom:" + c.getKey(), s);
        }
        if (moduleName != null) {
            section(out, sizes, 0, "custom:name", nameSection());
        }
        return new EncodedModule(out.toByteArray(), sizes, functionSizes);
    }

    private WasmBytes nameSection() {
        WasmBytes s = new WasmBytes().name("name");
        WasmBytes moduleSub = new WasmBytes().name(moduleName);
        s.u8(0).sizedBytes(moduleSub);
        WasmBytes funcs = new WasmBytes().u32(functions.size());
        functions.forEach(f -> funcs.u32(f.index()).name(f.name()));
        s.u8(1).sizedBytes(funcs);
        return s;
    }

    private static void limits(WasmBytes s, Limits l) {
        if (l.max() == null) {
            s.u8(0).u32(l.min());
        } else {
            s.u8(1).u32(l.min()).u32(l.max());
        }
    }

    private static void section(WasmBytes out, Map<String, Integer> sizes, int id, String name, WasmBytes content) {
        int before = out.size();
        out.u8(id).sizedBytes(content);
        sizes.put(name, out.size() - before);
    }
}
