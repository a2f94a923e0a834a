package dev.edgec.core.ops.nn;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;

/**
 * The loops of the float32 normalizations (LayerNormalization, InstanceNormalization,
 * MeanVarianceNormalization): for every group of elements that share the indices of the kept axes,
 * mean and variance over the reduced axes in two passes (sum, then sum of squared deviations: more
 * accurate than E[x²]−E[x]² and within tolerance of ONNX Runtime's one-pass form), then one write pass.
 * Groups are numbered {@code g} (row-major over the kept axes) and elements in a group {@code r}
 * (row-major over the reduced axes); when the reduced axes are a suffix both map to addresses by
 * arithmetic, otherwise through two constant offset tables.
 */
final class NormalizeKernel {
    /** Turns the group statistics into per-group locals before the write pass. */
    interface Statistics {
        /** Emits code that reads locals {@code mean} and {@code variance} and sets {@code factor}, the multiplier of (x − mean). */
        void emit(Code c, int mean, int variance, int factor);
    }

    /** Emits code that takes the normalized value on the stack and leaves the output value. */
    interface Finish {
        void emit(Code c, int groupLocal, int elementLocal);
    }

    private final KernelWriter k;
    private final int groups;
    private final int groupSize;
    private final int groupTable;
    private final int elementTable;

    NormalizeKernel(KernelWriter k, Shape shape, boolean[] reduced) {
        this.k = k;
        int[] dims = shape.dims();
        int[] strides = shape.strides();
        int g = 1;
        int n = 1;
        boolean suffix = true;
        boolean seenReduced = false;
        for (int a = 0; a < dims.length; a++) {
            if (reduced[a]) {
                n *= dims[a];
                seenReduced = true;
            } else {
                g *= dims[a];
                suffix &= !seenReduced || dims[a] == 1;
            }
        }
        this.groups = g;
        this.groupSize = n;
        if (suffix) {
            groupTable = -1;
            elementTable = -1;
        } else {
            groupTable = k.constantData(offsets(dims, strides, reduced, false, g));
            elementTable = k.constantData(offsets(dims, strides, reduced, true, n));
        }
    }

    int groups() {
        return groups;
    }

    int groupSize() {
        return groupSize;
    }

    /** Byte offsets (as int32) of the elements of the axes selected by {@code reduced == which}, row-major. */
    private static Tensor offsets(int[] dims, int[] strides, boolean[] reduced, boolean which, int count) {
        long[] out = new long[count];
        int[] idx = new int[dims.length];
        for (int i = 0; i < count; i++) {
            long off = 0;
            for (int a = 0; a < dims.length; a++) {
                if (reduced[a] == which) {
                    off += (long) idx[a] * strides[a] * 4;
                }
            }
            out[i] = off;
            for (int a = dims.length - 1; a >= 0; a--) {
                if (reduced[a] != which) {
                    continue;
                }
                if (++idx[a] < dims[a]) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return Tensor.ofLongs(dev.edgec.ir.DataType.INT32, Shape.of(count), out);
    }

    private void pushAddress(int base, int element) {
        Code c = k.code();
        if (groupTable < 0) {
            c.localGet(base).localGet(element).i32Const(2).i32Shl().i32Add();
        } else {
            c.localGet(base).localGet(element).i32Const(2).i32Shl().i32Load(elementTable).i32Add();
        }
    }

    /**
     * Emits the kernel. {@code meanOut}/{@code factorOut} (addresses or −1) receive the per-group mean and factor.
     */
    void emit(int xAddr, int yAddr, Statistics stats, Finish finish, int meanOut, int factorOut) {
        Code c = k.code();
        int base = k.newI32();
        int sum = k.newLocal(ValType.F32);
        int mean = k.newLocal(ValType.F32);
        int variance = k.newLocal(ValType.F32);
        int factor = k.newLocal(ValType.F32);
        int d = k.newLocal(ValType.F32);
        k.forRange(groups, g -> {
            if (groupTable < 0) {
                c.localGet(g).i32Const(groupSize * 4).i32Mul().localSet(base);
            } else {
                c.localGet(g).i32Const(2).i32Shl().i32Load(groupTable).localSet(base);
            }
            c.f32Const(0).localSet(sum);
            k.forRange(groupSize, r -> {
                pushAddress(base, r);
                c.f32Load(xAddr).localGet(sum).f32Add().localSet(sum);
            });
            c.localGet(sum).f32Const(groupSize).f32Div().localSet(mean);
            c.f32Const(0).localSet(sum);
            k.forRange(groupSize, r -> {
                pushAddress(base, r);
                c.f32Load(xAddr).localGet(mean).f32Sub().localTee(d).localGet(d).f32Mul().localGet(sum).f32Add().localSet(sum);
            });
            c.localGet(sum).f32Const(groupSize).f32Div().localSet(variance);
            stats.emit(c, mean, variance, factor);
            if (meanOut >= 0) {
                c.localGet(g).i32Const(2).i32Shl().localGet(mean).f32Store(meanOut);
            }
            if (factorOut >= 0) {
                c.localGet(g).i32Const(2).i32Shl().localGet(factor).f32Store(factorOut);
            }
            k.forRange(groupSize, r -> {
                pushAddress(base, r);
                pushAddress(base, r);
                c.f32Load(xAddr).localGet(mean).f32Sub().localGet(factor).f32Mul();
                finish.emit(c, g, r);
                c.f32Store(yAddr);
            });
        });
    }

    /** Statistics of the forms {@code 1 / sqrt(var + epsilon)}. */
    static Statistics inverseStdDev(float epsilon) {
        return (c, mean, variance, factor) ->
                c.f32Const(1f).localGet(variance).f32Const(epsilon).f32Add().f32Sqrt().f32Div().localSet(factor);
    }
}
