package dev.edgec.core.control;

import dev.edgec.core.lower.KernelWriter;
import dev.edgec.core.ops.OpContext;
import dev.edgec.core.ops.Operator;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.ir.TensorType;
import java.util.List;

/**
 * Registers If, Loop and Scan with their opset ranges, so the registry (and the generated support
 * table) knows them. The importer expands them into plain nodes before any operator sees them
 * ({@link ControlFlow}); this class's operator is never asked to infer or lower.
 */
public final class ControlFlowOperators {
    /** Earliest opset per operator; all are accepted up to 21 (later versions add only element types). */
    static final int IF_MIN = 1;
    static final int LOOP_MIN = 1;
    static final int SCAN_MIN = 8;
    static final int MAX = 21;

    private ControlFlowOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("If", IF_MIN, MAX, ExpandedAtImport.INSTANCE);
        r.register("Loop", LOOP_MIN, MAX, ExpandedAtImport.INSTANCE);
        r.register("Scan", SCAN_MIN, MAX, ExpandedAtImport.INSTANCE);
    }

    /**
     * The registered operator of everything the importer expands (control flow, {@link SequenceOperators},
     * {@link ContribQuantOperators}).
     */
    enum ExpandedAtImport implements Operator {
        INSTANCE;

        @Override
        public List<TensorType> inferTypes(OpContext ctx) {
            throw new IllegalStateException(ctx.node().describe() + " should have been expanded at import");
        }

        @Override
        public void lower(OpContext ctx, KernelWriter k) {
            throw new IllegalStateException(ctx.node().describe() + " should have been expanded at import");
        }
    }
}
