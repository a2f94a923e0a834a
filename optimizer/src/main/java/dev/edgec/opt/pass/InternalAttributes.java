package dev.edgec.opt.pass;

import dev.edgec.ir.Node;

/**
 * Names the optimizer gives fused nodes. They live in a reserved namespace (attributes starting with
 * {@value #PREFIX}, the operator domain {@value #DOMAIN}) that the importer refuses in user models, so a
 * model cannot switch on a fusion by hand.
 */
public final class InternalAttributes {
    /** Prefix of every attribute edgec reserves for itself. */
    public static final String PREFIX = "edgec.";
    /** The operator domain edgec reserves for itself. */
    public static final String DOMAIN = "edgec";
    /** STRING: the activation applied to the accumulator before the store (Relu, Clip, LeakyRelu...). */
    public static final String ACTIVATION = PREFIX + "activation";
    /** FLOATS: the activation's parameters (Clip: min, max; LeakyRelu: alpha; HardSigmoid: alpha, beta). */
    public static final String ACTIVATION_PARAMS = PREFIX + "activation_params";
    /** TENSOR: a MatMul's bias of shape [N], added along the last output axis before the activation. */
    public static final String BIAS = PREFIX + "bias";
    /**
     * INTS [lo, hi]: the integer range a QLinearConv or QLinearMatMul saturates its output to, narrower
     * than its type's: a Relu or Clip that QDQ fusion folded from before the QuantizeLinear.
     */
    public static final String OUTPUT_CLAMP = PREFIX + "output_clamp";

    /**
     * STRINGS: the conditions a node runs under ("+value" / "!value" per bool scalar, all must hold); set
     * on the nodes of If branches and loop iterations chosen at run time (compiler-core's {@code Guard}).
     * They are reads of those values: a pass that renames a value renames it here too.
     */
    public static final String GUARDS = PREFIX + "guards";

    private InternalAttributes() {
    }

    /** True when the name is in the reserved namespace. */
    public static boolean isReserved(String attributeName) {
        return attributeName.startsWith(PREFIX);
    }

    /** True when the node already carries a fused activation (nothing may be folded after it). */
    public static boolean hasActivation(Node n) {
        return n.attributes().containsKey(ACTIVATION);
    }
}
