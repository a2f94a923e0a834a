package dev.edgec.core.ops.reduce;

/** ArgMax (opsets 1-21), see {@link ArgExtremeOp}. */
final class ArgMaxOp extends ArgExtremeOp {
    @Override
    protected boolean max() {
        return true;
    }
}
