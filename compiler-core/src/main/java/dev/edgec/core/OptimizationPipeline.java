package dev.edgec.core;

import dev.edgec.opt.Pass;
import dev.edgec.opt.pass.ActivationFusion;
import dev.edgec.opt.pass.BatchNormFolding;
import dev.edgec.opt.pass.BiasAddFolding;
import dev.edgec.opt.pass.CommonSubexpressionElimination;
import dev.edgec.opt.pass.DeadCodeElimination;
import dev.edgec.opt.pass.IdentityElimination;
import dev.edgec.opt.pass.RowMajorWeights;
import dev.edgec.opt.pass.ShapeChainSimplification;
import java.util.List;

/** The passes each optimization level runs, in order (the pass manager repeats them to a fixed point). */
public final class OptimizationPipeline {
    private OptimizationPipeline() {
    }

    public static List<Pass> passes(int level) {
        if (level == 0) {
            return List.of();
        }
        // bias and BatchNormalization fold before activations fuse: both need the producer's plain affine output;
        // QDQ fusion comes before activation fusion so that a quantized Conv-Relu-Q becomes one integer kernel
        return List.of(new IdentityElimination(), new ShapeChainSimplification(), new BatchNormFolding(),
                new BiasAddFolding(), new RowMajorWeights(), new dev.edgec.core.quant.QdqFusion(), new ActivationFusion(),
                new CommonSubexpressionElimination(),
                new DeadCodeElimination());
    }

    /**
     * The passes for {@code --integer-only}: the level's passes with {@link dev.edgec.core.quant.IntegerFusion}
     * right after QDQ fusion (before activation fusion can fold a Relu into a float operator); at level 0,
     * only what integer-only needs (QDQ and integer fusion, dead code).
     */
    public static List<Pass> passes(int level, boolean integerOnly) {
        if (!integerOnly) {
            return passes(level);
        }
        if (level == 0) {
            return List.of(new dev.edgec.core.quant.IntegerFusion(), new DeadCodeElimination());
        }
        List<Pass> out = new java.util.ArrayList<>();
        for (Pass p : passes(level)) {
            out.add(p);
            if (p instanceof dev.edgec.core.quant.QdqFusion) {
                out.add(new dev.edgec.core.quant.IntegerFusion());
            }
        }
        return out;
    }

    /** Names of the passes of the default level (with integer-only's), for {@code --dump-ir-after} help and errors. */
    public static List<String> passNames() {
        return passes(1, true).stream().map(Pass::name).toList();
    }
}
