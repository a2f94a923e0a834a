package dev.edgec.core.ops.text;

import dev.edgec.core.ops.OperatorRegistry;

/** Registers the text operators. */
public final class TextOperators {
    private TextOperators() {
    }

    public static void registerAll(OperatorRegistry r) {
        r.register("TfIdfVectorizer", 9, 21, new TfIdfVectorizerOp());
    }
}
