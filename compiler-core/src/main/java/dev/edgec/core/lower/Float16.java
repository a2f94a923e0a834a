package dev.edgec.core.lower;

import dev.edgec.ir.DataType;

/**
 * float16 and bfloat16 tensors in float32 kernels: an element is widened to float32 on load,
 * computed on in float32, and rounded back (to nearest even) on store. Other types pass through
 * unchanged, so a kernel written for its {@link #computeType} handles the 16-bit floats by loading
 * and storing through here.
 */
public final class Float16 {
    private Float16() {
    }

    /** The type a kernel computes in for elements of {@code t}: float32 for float16 and bfloat16, else t. */
    public static DataType computeType(DataType t) {
        return t == DataType.FLOAT16 || t == DataType.BFLOAT16 ? DataType.FLOAT32 : t;
    }

    /** As {@link KernelWriter#load}, leaving a float16 or bfloat16 element as float32. */
    public static void load(KernelWriter k, DataType t, int base) {
        k.load(t, base);
        if (t == DataType.FLOAT16) {
            k.code().call(k.mathFunction(MathFunction.F16_TO_F32));
        } else if (t == DataType.BFLOAT16) {
            BFloat16Code.widen(k.code());
        }
    }

    /** As {@link KernelWriter#store}, taking a float32 value for a float16 or bfloat16 element. */
    public static void store(KernelWriter k, DataType t, int base) {
        if (t == DataType.FLOAT16) {
            k.code().call(k.mathFunction(MathFunction.F32_TO_F16));
        } else if (t == DataType.BFLOAT16) {
            BFloat16Code.narrow(k);
        }
        k.store(t, base);
    }
}
