package dev.edgec.core;

import dev.edgec.core.fold.ConstantSubgraphFolding;
import dev.edgec.core.ops.OperatorRegistry;
import dev.edgec.core.quant.IntegerFusion;
import dev.edgec.core.quant.QdqFusion;
import dev.edgec.opt.Pass;
import dev.edgec.opt.pass.ActivationFusion;
import dev.edgec.opt.pass.BatchNormFolding;
import dev.edgec.opt.pass.BiasAddFolding;
import dev.edgec.opt.pass.CommonSubexpressionElimination;
import dev.edgec.opt.pass.DeadCodeElimination;
import dev.edgec.opt.pass.IdentityElimination;
import dev.edgec.opt.pass.RowMajorWeights;
import dev.edgec.opt.pass.ShapeChainSimplification;
import java.util.ArrayList;
import java.util.List;

/** The passes each optimization level runs, in order (the pass manager repeats them to a fixed point). */
public final class OptimizationPipeline {
    private OptimizationPipeline() {
    }

    /** The passes of {@code level} for the standard operators. */
    public static List<Pass> passes(int level) {
        return passes(level, false, OperatorRegistry.standard());
    }

    /**
     * The passes of {@code level}; {@code registry} lowers the kernels that constant folding runs.
     * {@link IntegerFusion} runs right after QDQ fusion (before activation fusion can fold a Relu into a
     * float operator), so that a QDQ model's Add, pooling, activations, Concat and Softmax run on integer
     * kernels like its Conv/Gemm/MatMul; at level 0 only what {@code integerOnly} needs runs (integer
     * fusion, which runs QDQ fusion itself, and dead code), and nothing otherwise. Passes may keep state
     * for one compile, so each compile asks for a new list.
     */
    public static List<Pass> passes(int level, boolean integerOnly, OperatorRegistry registry) {
        if (level == 0) {
            return integerOnly ? List.of(new IntegerFusion(registry), new DeadCodeElimination()) : List.of();
        }
        List<Pass> out = new ArrayList<>();
        // constants fold first, with the same kernels as at -O0 (before any fusion changes them), so folded
        // values are bit for bit what -O0 computes; it leaves DequantizeLinear feeding Conv/MatMul/Gemm to fuse-qdq.
        // bias and BatchNormalization fold before activations fuse: both need the producer's plain affine output;
        // QDQ and integer fusion come before activation fusion so that a quantized Conv-Relu-Q becomes one integer kernel
        out.addAll(List.of(new ConstantSubgraphFolding(registry), new IdentityElimination(),
                new ShapeChainSimplification(), new BatchNormFolding(), new BiasAddFolding(), new RowMajorWeights(),
                new QdqFusion(), new IntegerFusion(registry)));
        out.addAll(List.of(new ActivationFusion(), new CommonSubexpressionElimination(), new DeadCodeElimination()));
        return out;
    }

    /** Names of the passes of the default level (with integer-only's), for {@code --dump-ir-after} help and errors. */
    public static List<String> passNames() {
        return passes(1, true, OperatorRegistry.standard()).stream().map(Pass::name).toList();
    }
}
