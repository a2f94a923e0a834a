package dev.edgec.core.ops.reduce;

/** ArgMin (opsets 1-21), see {@link ArgExtremeOp}. */
final class ArgMinOp extends ArgExtremeOp {
    @Override
    protected boolean max() {
        return false;
    }
}
