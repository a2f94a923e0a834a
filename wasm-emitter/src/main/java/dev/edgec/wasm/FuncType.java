package dev.edgec.wasm;

import java.util.List;

/** A function signature. The MVP allows at most one result. */
public record FuncType(List<ValType> params, List<ValType> results) {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
        if (results.size() > 1) {
            throw new IllegalArgumentException("multi-value results are not in the MVP profile");
        }
    }

    public static FuncType of(List<ValType> params, ValType result) {
        return new FuncType(params, result == null ? List.of() : List.of(result));
    }

    void writeTo(WasmBytes out) {
        out.u8(0x60).u32(params.size());
        params.forEach(p -> out.u8(p.code()));
        out.u32(results.size());
        results.forEach(r -> out.u8(r.code()));
    }
}
