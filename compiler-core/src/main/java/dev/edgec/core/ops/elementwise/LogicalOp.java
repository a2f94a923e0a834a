package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.ir.DataType;
import java.util.List;

/** And, Or, Xor on bool tensors (bytes 0 or 1) with numpy broadcasting. */
final class LogicalOp extends BinaryElementwiseOp {
    enum Kind { AND, OR, XOR }

    private final Kind kind;

    LogicalOp(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected List<DataType> types() {
        return List.of(DataType.BOOL);
    }

    @Override
    protected void emitScalar(OpContext ctx, KernelWriter k, DataType t) {
        switch (kind) {
            case AND -> k.code().i32And();
            case OR -> k.code().i32Or();
            case XOR -> k.code().i32Xor();
        }
    }
}
