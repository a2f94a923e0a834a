package dev.edgec.core.ops.quant;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import dev.edgec.wasm.Code;
import java.util.List;

/**
 * {@code dev.edgec.QLinearLookup(x, table)}: {@code y[i] = table[x[i] as an unsigned byte]}, for an
 * 8-bit {@code x} and a constant table of 256 8-bit values, whose type {@code y} takes. It is the
 * integer form of any elementwise function between a DequantizeLinear and a QuantizeLinear (Sigmoid,
 * Tanh, HardSwish, LeakyRelu, ...): x has 256 possible values, so the table holds
 * {@code Q(f(DQ(x)))} for each, computed at compile time. One load per element, whatever {@code f} costs.
 * Made by QDQ integer fusion ({@code core/quant/QdqLookup}).
 */
final class QLinearLookupOp implements Operator {
    @Override
    public List<TensorType> inferTypes(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectType(0, QLinearMatMulOp.TYPES);
        DataType yt = ctx.expectType(1, QLinearMatMulOp.TYPES);
        if (ctx.inputType(1).elementCount() != 256 || ctx.constantInput(1).isEmpty()) {
            throw ctx.error("table must be a constant of 256 values, got " + ctx.inputType(1));
        }
        return List.of(new TensorType(yt, ctx.inputType(0).shape()));
    }

    @Override
    public void lower(OpContext ctx, KernelWriter k) {
        Code c = k.code();
        DataType yt = ctx.inputType(1).dataType();
        int in = k.address(ctx.inputName(0));
        int table = k.address(ctx.inputName(1));
        int out = k.address(ctx.outputName(0));
        k.forRange(ctx.inputType(0).elementCount(), i -> {
            c.localGet(i);
            c.localGet(i);
            k.load(DataType.UINT8, in);
            k.load(yt, table);
            k.store(yt, out);
        });
    }

    @Override
    public boolean canRunInPlace(OpContext ctx) {
        return true;
    }
}
