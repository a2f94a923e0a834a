package dev.edgec.core.ops.indexing;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the indexing and gathering operators: Gather, Slice, Split, Scatter, Tile… */
public final class IndexingOperators {
    private IndexingOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Gather", 1, 21, new GatherOp());
        r.register("GatherElements", 11, 21, new GatherElementsOp());
        r.register("GatherND", 11, 21, new GatherNDOp());
        r.register("Scatter", 9, 10, new ScatterElementsOp());
        r.register("ScatterElements", 11, 21, new ScatterElementsOp());
        r.register("ScatterND", 11, 21, new ScatterNDOp());
        r.register("Slice", 1, 21, new SliceOp());
        r.register("Split", 1, 21, new SplitOp());
        r.register("Expand", 8, 21, new ExpandOp());
        r.register("Tile", 6, 21, new TileOp());
        r.register("OneHot", 9, 21, new OneHotOp());
        r.register("CumSum", 11, 21, new CumSumOp());
        r.register("ReverseSequence", 10, 21, new ReverseSequenceOp());
        r.register("Trilu", 14, 21, new TriluOp());
        r.register("EyeLike", 9, 21, new EyeLikeOp());
        r.register("Range", 11, 21, new RangeOp());
        r.register("DepthToSpace", 1, 21, new DepthToSpaceOp(true));
        r.register("SpaceToDepth", 1, 21, new DepthToSpaceOp(false));
    }
}
