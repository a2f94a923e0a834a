package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * Div (opset 7+: numpy broadcasting). Integer division truncates toward zero, as ONNX Runtime's C++
 * does. Where C++ is undefined and wasm would trap, the result is defined instead so that a module
 * never traps: {@code x / 0 = 0}, and {@code MIN / -1 = MIN} (the wrapped negation).
 */
final class DivOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return NumericTypes.NUMERIC;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        switch (st) {
            case F32 -> c.f32Div();
            case F64 -> c.f64Div();
            case I32 -> {
                int a = k.newI32();
                int b = k.newI32();
                c.localSet(b).localSet(a);
                if (t.isSigned()) {
                    c.i32Const(0).localGet(a).i32Sub(); // the result when b == -1
                    c.localGet(a);
                    // divisor: b, or 1 when b is 0 or -1 (b + 1 <=u 1)
                    c.localGet(b).i32Const(1).localGet(b).i32Const(1).i32Add().i32Const(1).i32GtU().select();
                    c.i32DivS();
                    c.localGet(b).i32Const(-1).i32Eq().select();
                } else {
                    c.localGet(a);
                    c.localGet(b).i32Const(1).localGet(b).select();
                    c.i32DivU();
                }
                c.i32Const(0).localGet(b).select(); // b != 0 ? quotient : 0
            }
            case I64 -> {
                int a = k.newLocal(ValType.I64);
                int b = k.newLocal(ValType.I64);
                c.localSet(b).localSet(a);
                if (t.isSigned()) {
                    c.i64Const(0).localGet(a).i64Sub();
                    c.localGet(a);
                    c.localGet(b).i64Const(1).localGet(b).i64Const(1).i64Add().i64Const(1).i64GtU().select();
                    c.i64DivS();
                    c.localGet(b).i64Const(-1).i64Eq().select();
                } else {
                    c.localGet(a);
                    c.localGet(b).i64Const(1).localGet(b).i64Eqz().i32Eqz().select();
                    c.i64DivU();
                }
                c.i64Const(0).localGet(b).i64Eqz().i32Eqz().select();
            }
        }
    }

    @Override
    protected ConstantFolding.Scalar fold() {
        return new ConstantFolding.Scalar((a, b) -> b == 0 ? 0 : a / b, (a, b) -> a / b);
    }
}
