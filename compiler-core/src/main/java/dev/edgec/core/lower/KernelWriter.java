package dev.edgec.core.lower;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.FunctionBuilder;
import dev.edgec.wasm.ValType;
import java.util.function.ToIntFunction;

/**
 * Writes one node's kernel function. It gives operators the addresses of their tensors, fresh
 * locals, counted loops and the shared math helpers; the instructions themselves go through
 * {@link Code}. Shapes are static, so loop bounds and base addresses are constants in the code.
 */
public final class KernelWriter {
    private final FunctionBuilder function;
    private final AddressMap addresses;
    private final MathLibrary math;
    private final ToIntFunction<Tensor> constantPlacer;
    private final java.util.function.IntSupplier statusGlobal;
    private final int scratch;
    private boolean canFail;

    /**
     * @param constantPlacer places a kernel-private constant (e.g. folded scales) in the data segment
     * @param statusGlobal   gives the index of the module's status global, creating it on first use
     * @param scratch        address of the node's scratch memory, or -1 when it asked for none
     */
    public KernelWriter(FunctionBuilder function, AddressMap addresses, MathLibrary math,
                        ToIntFunction<Tensor> constantPlacer, java.util.function.IntSupplier statusGlobal,
                        int scratch) {
        this.function = function;
        this.addresses = addresses;
        this.math = math;
        this.constantPlacer = constantPlacer;
        this.statusGlobal = statusGlobal;
        this.scratch = scratch;
    }

    /** Address of the working memory the operator asked for with {@code Operator.scratchBytes}. */
    public int scratch() {
        if (scratch < 0) {
            throw new IllegalStateException("the operator reserved no scratch memory");
        }
        return scratch;
    }

    /**
     * Emits: record {@code status} and return from the kernel. {@code run()} then stops and returns
     * the status code instead of trapping (ABI v1: no input makes a module trap).
     */
    public void fail(dev.edgec.core.abi.RunStatus status) {
        canFail = true;
        code().i32Const(status.code()).globalSet(statusGlobal.getAsInt()).return_();
    }

    /** True when the kernel contains a {@link #fail} path, so {@code run()} must check the status after it. */
    public boolean canFail() {
        return canFail;
    }

    public Code code() {
        return function.code();
    }

    /** Byte address in linear memory of the tensor {@code valueName}. */
    public int address(String valueName) {
        return addresses.address(valueName);
    }

    /**
     * Byte address of {@code data}, a constant the kernel computed itself (folded parameters, lookup
     * tables) rather than a graph value; it is placed in the module's constant data (16-byte aligned,
     * shared with identical constants). Kernels must only read it.
     */
    public int constantData(Tensor data) {
        return constantPlacer.applyAsInt(data);
    }

    public int newLocal(ValType type) {
        return function.addLocal(type);
    }

    public int newI32() {
        return function.addLocal(ValType.I32);
    }

    /** Index of the helper function {@code f}, emitted into the module the first time it is asked for. */
    public int mathFunction(MathFunction f) {
        return math.functionIndex(f);
    }

    /**
     * Emits {@code for (i = 0; i < count; i++) body}. {@code count} is a compile-time constant; a zero
     * count emits nothing. The loop is a do-while since count is known to be positive.
     */
    public void forRange(int indexLocal, int count, Runnable body) {
        if (count <= 0) {
            return;
        }
        Code c = code();
        c.i32Const(0).localSet(indexLocal);
        c.loop();
        body.run();
        c.localGet(indexLocal).i32Const(1).i32Add().localTee(indexLocal).i32Const(count).i32LtS().brIf(0);
        c.end();
    }

    /** Emits a loop as {@link #forRange} with a fresh index local, passed to the body. */
    public void forRange(int count, java.util.function.IntConsumer body) {
        int i = newI32();
        forRange(i, count, () -> body.accept(i));
    }

    /** Pushes the value at {@code local * elementSize}, i.e. an element address relative to a base. */
    public void pushByteOffset(int indexLocal, DataType t) {
        Code c = code();
        c.localGet(indexLocal);
        int shift = Integer.numberOfTrailingZeros(t.byteSize());
        if (shift > 0) {
            c.i32Const(shift).i32Shl();
        }
    }

    /** Loads an element of type {@code t} from the address on the stack plus {@code base}, widening narrow ints to i32. */
    public void load(DataType t, int base) {
        Code c = code();
        switch (t) {
            case FLOAT32 -> c.f32Load(base);
            case FLOAT64 -> c.f64Load(base);
            case INT8 -> c.i32Load8S(base);
            case UINT8, BOOL -> c.i32Load8U(base);
            case INT16 -> c.i32Load16S(base);
            case UINT16, FLOAT16, BFLOAT16 -> c.i32Load16U(base);
            case INT32, UINT32 -> c.i32Load(base);
            case INT64, UINT64 -> c.i64Load(base);
        }
    }

    /** Stores the value on the stack (address below it) as an element of type {@code t} at {@code base}. */
    public void store(DataType t, int base) {
        Code c = code();
        switch (t) {
            case FLOAT32 -> c.f32Store(base);
            case FLOAT64 -> c.f64Store(base);
            case INT8, UINT8, BOOL -> c.i32Store8(base);
            case INT16, UINT16, FLOAT16, BFLOAT16 -> c.i32Store16(base);
            case INT32, UINT32 -> c.i32Store(base);
            case INT64, UINT64 -> c.i64Store(base);
        }
    }

    /** The wasm value type that holds one element of {@code t} on the stack. */
    public static ValType stackType(DataType t) {
        return switch (t) {
            case FLOAT32 -> ValType.F32;
            case FLOAT64 -> ValType.F64;
            case INT64, UINT64 -> ValType.I64;
            default -> ValType.I32;
        };
    }

    /** Copies {@code bytes} bytes from {@code src} to {@code dst} (non-overlapping), 4 bytes at a time where possible. */
    public void copyBytes(int src, int dst, int bytes) {
        Code c = code();
        int words = bytes / 4;
        if (words > 0) {
            forRange(words, i -> {
                c.localGet(i).i32Const(2).i32Shl();
                c.localGet(i).i32Const(2).i32Shl().i32Load(src);
                c.i32Store(dst);
            });
        }
        for (int b = words * 4; b < bytes; b++) {
            c.i32Const(0).i32Const(0).i32Load8U(src + b).i32Store8(dst + b);
        }
    }
}
