package dev.edgec.cli;

import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.abi.TensorSpec;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FuncType;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ModuleBuilder;
import dev.edgec.wasm.ValType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Hand-built modules that follow the ABI but misbehave, for the run command's runtime error path. */
final class TestModules {
    private TestModules() {
    }

    /** A module with one float32[1x4] input and output whose {@code run()} returns {@code status}. */
    static byte[] runReturns(int status) {
        return module(c -> c.i32Const(status));
    }

    /** A module whose {@code run()} executes {@code unreachable}. */
    static byte[] runTraps() {
        return module(c -> c.unreachable());
    }

    /** A valid wasm module with no edgec signature. */
    static byte[] withoutSignature() {
        ModuleBuilder m = new ModuleBuilder();
        m.memory(1, 1).exportMemory("memory");
        return m.encode().bytes();
    }

    private static byte[] module(Consumer<Code> runBody) {
        ModuleBuilder m = new ModuleBuilder();
        FuncType index = FuncType.of(List.of(ValType.I32), ValType.I32);
        FunctionBuilder in = m.addFunction("input_ptr", index);
        in.code().i32Const(0);
        FunctionBuilder out = m.addFunction("output_ptr", index);
        out.code().i32Const(16);
        FunctionBuilder run = m.addFunction("run", FuncType.of(List.of(), ValType.I32));
        runBody.accept(run.code());
        m.memory(1, 1).exportMemory("memory");
        m.exportFunction("input_ptr", in.index());
        m.exportFunction("output_ptr", out.index());
        m.exportFunction("run", run.index());
        TensorType t = TensorType.of(DataType.FLOAT32, 1, 4);
        ModuleSignature sig = new ModuleSignature(List.of(TensorSpec.of("x", t)), List.of(TensorSpec.of("y", t)),
                "0".repeat(64), 13, "test", "test", Map.of());
        m.addCustomSection(ModuleSignature.SECTION_NAME, sig.toJsonBytes());
        return m.encode().bytes();
    }
}
