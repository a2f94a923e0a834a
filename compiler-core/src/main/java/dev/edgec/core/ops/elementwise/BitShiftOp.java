package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import dev.edgec.wasm.ValType;
import java.util.List;

/**
 * BitShift (opset 11+) on unsigned integers, {@code direction} LEFT or RIGHT, with broadcasting. A
 * shift by the type's width or more gives 0 (C++ leaves it undefined; wasm would shift by the amount
 * modulo 32 or 64). Narrow types shift in i32 and keep their low bits on store.
 */
final class BitShiftOp extends BinaryElementwiseOp {
    @Override
    protected List<DataType> types() {
        return List.of(DataType.UINT8, DataType.UINT16, DataType.UINT32, DataType.UINT64);
    }

    @Override
    protected void readAttributes(OpContext ctx) {
        String d = ctx.attrs().getString("direction", null);
        if (d == null) {
            throw ctx.error("attribute 'direction' is required");
        }
        if (!d.equals("LEFT") && !d.equals("RIGHT")) {
            throw ctx.error("direction must be LEFT or RIGHT, got '" + d + "'");
        }
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        boolean left = ctx.attrs().getString("direction", "").equals("LEFT");
        int width = t.byteSize() * 8;
        Code c = k.code();
        ValType st = KernelWriter.stackType(t);
        int x = k.newLocal(st);
        int y = k.newLocal(st);
        c.localSet(y).localSet(x);
        if (st == ValType.I64) {
            c.localGet(x).localGet(y);
            c = left ? c.i64Shl() : c.i64ShrU();
            c.i64Const(0).localGet(y).i64Const(width).i64LtU().select();
        } else {
            c.localGet(x).localGet(y);
            c = left ? c.i32Shl() : c.i32ShrU();
            c.i32Const(0).localGet(y).i32Const(width).i32LtU().select();
        }
    }
}
