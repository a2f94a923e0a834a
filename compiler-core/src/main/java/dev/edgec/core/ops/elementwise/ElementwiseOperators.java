package dev.edgec.core.ops.elementwise;

import dev.edgec.core.lower.MathFunction;
import dev.edgec.core.ops.OperatorRegistry;

/** Registers the elementwise math, logic and activation operators. */
public final class ElementwiseOperators {
    private ElementwiseOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("Add", 6, 21, new AddOp());
        r.register("Sub", 6, 21, new SubOp());
        r.register("Mul", 6, 21, new MulOp());
        r.register("Div", 6, 21, new DivOp());
        r.register("Relu", 6, 21, new ReluOp());
        r.register("LeakyRelu", 6, 21, new LeakyReluOp());
        r.register("Sigmoid", 6, 21, new SigmoidOp());
        r.register("Tanh", 6, 21, new TanhOp());
        r.register("Clip", 6, 21, new ClipOp());
        r.register("Abs", 6, 21, new AbsOp());
        r.register("Neg", 6, 21, new NegOp());
        r.register("Exp", 6, 21, new ExpOp());
        r.register("Sqrt", 6, 21, new SqrtOp());
        r.register("Reciprocal", 6, 21, new ReciprocalOp());
        r.register("Floor", 6, 21, new FloorOp());
        r.register("Ceil", 6, 21, new CeilOp());
        r.register("Max", 6, 21, new VariadicOp(VariadicOp.Kind.MAX));
        r.register("Min", 6, 21, new VariadicOp(VariadicOp.Kind.MIN));
        r.register("Sum", 6, 21, new VariadicOp(VariadicOp.Kind.SUM));
        r.register("Mean", 6, 21, new VariadicOp(VariadicOp.Kind.MEAN));
        r.register("HardSigmoid", 6, 21, new HardSigmoidOp());
        r.register("HardSwish", 14, 21, new HardSwishOp());
        r.register("Elu", 6, 21, new EluOp());
        r.register("Selu", 6, 21, new SeluOp());
        r.register("Softsign", 1, 21, new SoftsignOp());
        r.register("Softplus", 1, 21, new SoftplusOp());
        r.register("PRelu", 6, 21, new PReluOp());
        r.register("Equal", 7, 21, new ComparisonOp(ComparisonOp.Kind.EQUAL));
        r.register("Less", 7, 21, new ComparisonOp(ComparisonOp.Kind.LESS));
        r.register("Greater", 7, 21, new ComparisonOp(ComparisonOp.Kind.GREATER));
        r.register("LessOrEqual", 12, 21, new ComparisonOp(ComparisonOp.Kind.LESS_OR_EQUAL));
        r.register("GreaterOrEqual", 12, 21, new ComparisonOp(ComparisonOp.Kind.GREATER_OR_EQUAL));
        r.register("And", 7, 21, new LogicalOp(LogicalOp.Kind.AND));
        r.register("Or", 7, 21, new LogicalOp(LogicalOp.Kind.OR));
        r.register("Xor", 7, 21, new LogicalOp(LogicalOp.Kind.XOR));
        r.register("Not", 1, 21, new NotOp());
        r.register("Where", 9, 21, new WhereOp());
        r.register("Cast", 6, 21, new CastOp());
        r.register("CastLike", 15, 21, new CastLikeOp());
        r.register("Pow", 1, 21, new PowOp());
        r.register("Mod", 10, 21, new ModOp());
        r.register("BitShift", 11, 21, new BitShiftOp());
        r.register("Log", 6, 21, new LogOp());
        r.register("Sign", 9, 21, new SignOp());
        r.register("Round", 11, 21, new RoundOp());
        r.register("IsNaN", 9, 21, new IsNaNOp());
        r.register("IsInf", 10, 21, new IsInfOp());
        r.register("ThresholdedRelu", 10, 21, new ThresholdedReluOp());
        r.register("Shrink", 9, 21, new ShrinkOp());
        r.register("Celu", 12, 21, new CeluOp());
        r.register("Hardmax", 1, 21, new HardmaxOp());
        r.register("Sin", 7, 21, new MathFunctionOp(MathFunction.SIN_F32));
        r.register("Cos", 7, 21, new MathFunctionOp(MathFunction.COS_F32));
        r.register("Tan", 7, 21, new MathFunctionOp(MathFunction.TAN_F32));
        r.register("Asin", 7, 21, new MathFunctionOp(MathFunction.ASIN_F32));
        r.register("Acos", 7, 21, new MathFunctionOp(MathFunction.ACOS_F32));
        r.register("Atan", 7, 21, new MathFunctionOp(MathFunction.ATAN_F32));
        r.register("Sinh", 9, 21, new MathFunctionOp(MathFunction.SINH_F32));
        r.register("Cosh", 9, 21, new MathFunctionOp(MathFunction.COSH_F32));
        r.register("Asinh", 9, 21, new MathFunctionOp(MathFunction.ASINH_F32));
        r.register("Acosh", 9, 21, new MathFunctionOp(MathFunction.ACOSH_F32));
        r.register("Atanh", 9, 21, new MathFunctionOp(MathFunction.ATANH_F32));
        r.register("Erf", 9, 21, new MathFunctionOp(MathFunction.ERF_F32));
        r.register("Mish", 18, 21, new MishOp());
        r.register("Gelu", 20, 21, new GeluOp());
    }
}
