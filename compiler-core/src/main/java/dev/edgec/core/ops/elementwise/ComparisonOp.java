package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.ConstantFolding;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import dev.edgec.wasm.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal, Less, Greater, LessOrEqual, GreaterOrEqual: bool output with numpy broadcasting. Floats
 * compare as IEEE (every comparison with NaN is false); unsigned types compare unsigned.
 */
final class ComparisonOp extends BinaryElementwiseOp {
    enum Kind { EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL }

    private final Kind kind;

    ComparisonOp(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected List<DataType> types() {
        List<DataType> t = new ArrayList<>(NumericTypes.NUMERIC);
        if (kind == Kind.EQUAL) {
            t.add(DataType.BOOL);
        }
        return t;
    }

    @Override
    protected DataType outputType(DataType inputType) {
        return DataType.BOOL;
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        Code c = k.code();
        boolean signed = t.isSigned();
        switch (KernelWriter.stackType(t)) {
            case F32 -> {
                switch (kind) {
                    case EQUAL -> c.f32Eq();
                    case LESS -> c.f32Lt();
                    case GREATER -> c.f32Gt();
                    case LESS_OR_EQUAL -> c.f32Le();
                    case GREATER_OR_EQUAL -> c.f32Ge();
                }
            }
            case F64 -> {
                switch (kind) {
                    case EQUAL -> c.f64Eq();
                    case LESS -> c.f64Lt();
                    case GREATER -> c.f64Gt();
                    case LESS_OR_EQUAL -> c.f64Le();
                    case GREATER_OR_EQUAL -> c.f64Ge();
                }
            }
            case I32 -> {
                switch (kind) {
                    case EQUAL -> c.i32Eq();
                    case LESS -> c = signed ? c.i32LtS() : c.i32LtU();
                    case GREATER -> c = signed ? c.i32GtS() : c.i32GtU();
                    case LESS_OR_EQUAL -> c = signed ? c.i32LeS() : c.i32LeU();
                    case GREATER_OR_EQUAL -> c = signed ? c.i32GeS() : c.i32GeU();
                }
            }
            case I64 -> {
                switch (kind) {
                    case EQUAL -> c.i64Eq();
                    case LESS -> c = signed ? c.i64LtS() : c.i64LtU();
                    case GREATER -> c = signed ? c.i64GtS() : c.i64GtU();
                    case LESS_OR_EQUAL -> c = signed ? c.i64LeS() : c.i64LeU();
                    case GREATER_OR_EQUAL -> c = signed ? c.i64GeS() : c.i64GeU();
                }
            }
        }
    }

    @Override
    protected ConstantFolding.Scalar fold() {
        // ints reach here sign-extended (unsigned types are not folded); NaN compares false as in wasm
        return switch (kind) {
            case EQUAL -> new ConstantFolding.Scalar((a, b) -> a == b ? 1 : 0, (a, b) -> a == b ? 1 : 0);
            case LESS -> new ConstantFolding.Scalar((a, b) -> a < b ? 1 : 0, (a, b) -> a < b ? 1 : 0);
            case GREATER -> new ConstantFolding.Scalar((a, b) -> a > b ? 1 : 0, (a, b) -> a > b ? 1 : 0);
            case LESS_OR_EQUAL -> new ConstantFolding.Scalar((a, b) -> a <= b ? 1 : 0, (a, b) -> a <= b ? 1 : 0);
            case GREATER_OR_EQUAL -> new ConstantFolding.Scalar((a, b) -> a >= b ? 1 : 0, (a, b) -> a >= b ? 1 : 0);
        };
    }
}
