package dev.edgec.core;

import dev.edgec.core.fold.ConstantSubgraphFolding;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.opt.Pass;
import dev.edgec.opt.pass.ActivationFusion;
import dev.edgec.opt.pass.BatchNormFolding;
import dev.edgec.opt.pass.BiasAddFolding;
import dev.edgec.opt.pass.CommonSubexpressionElimination;
import dev.edgec.opt.pass.DeadCodeElimination;
import dev.edgec.opt.pass.IdentityElimination;
import dev.edgec.opt.pass.ShapeChainSimplification;
import java.util.List;

/** The passes each optimization level runs, in order (the pass manager repeats them to a fixed point). */
public final class OptimizationPipeline {
    private OptimizationPipeline() {
    }

    /** The passes of {@code level} for the standard operators. */
    public static List<Pass> passes(int level) {
        return passes(level, OperatorRegistry.standard());
    }

    /**
     * The passes of {@code level}; {@code registry} lowers the kernels that constant folding runs. Passes
     * may keep state for one compile, so each compile asks for a new list.
     */
    public static List<Pass> passes(int level, OperatorRegistry registry) {
        if (level == 0) {
            return List.of();
        }
        // constants fold first, with the same kernels as at -O0 (before any fusion changes them), so folded
        // values are bit for bit what -O0 computes; it leaves DequantizeLinear feeding Conv/MatMul/Gemm to fuse-qdq.
        // bias and BatchNormalization fold before activations fuse: both need the producer's plain affine output;
        // QDQ fusion comes before activation fusion so that a quantized Conv-Relu-Q becomes one integer kernel
        return List.of(new ConstantSubgraphFolding(registry), new IdentityElimination(), new ShapeChainSimplification(),
                new BatchNormFolding(), new BiasAddFolding(), new dev.edgec.core.quant.QdqFusion(), new ActivationFusion(),
                new CommonSubexpressionElimination(),
                new DeadCodeElimination());
    }

    /** Names of the passes of the default level, for {@code --dump-ir-after} help and errors. */
    public static List<String> passNames() {
        return passes(1).stream().map(Pass::name).toList();
    }
}
