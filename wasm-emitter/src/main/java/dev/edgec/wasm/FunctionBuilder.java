package dev.edgec.wasm;

import java.util.ArrayList;
import java.util.List;

/** One function of a module under construction: its signature, locals, body and debug name. */
public final class FunctionBuilder {
    private final int index;
    private final String name;
    private final FuncType type;
    private final List<ValType> locals = new ArrayList<>();
    private final Code code = new Code();

    FunctionBuilder(int index, String name, FuncType type) {
        this.index = index;
        this.name = name;
        this.type = type;
    }

    /** The function's index in the module's function index space (there are no imports). */
    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    public FuncType type() {
        return type;
    }

    /** Declares a local and returns its index (parameters come first). */
    public int addLocal(ValType t) {
        locals.add(t);
        return type.params().size() + locals.size() - 1;
    }

    public Code code() {
        return code;
    }

    /** The code section entry: size, run-length-grouped locals, body, end. */
    void writeBodyTo(WasmBytes out) {
        if (code.openBlocks() != 0) {
            throw new IllegalStateException("function " + name + " has " + code.openBlocks() + " unclosed blocks");
        }
        WasmBytes body = new WasmBytes(code.size() + 16);
        List<int[]> runs = new ArrayList<>();
        for (ValType t : locals) {
            if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == t.code()) {
                runs.get(runs.size() - 1)[0]++;
            } else {
                runs.add(new int[] {1, t.code()});
            }
        }
        body.u32(runs.size());
        for (int[] r : runs) {
            body.u32(r[0]).u8(r[1]);
        }
        body.bytes(code.bytes());
        body.u8(Opcode.END.code());
        out.sizedBytes(body);
    }
}
