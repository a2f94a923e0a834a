package dev.edgec.core.onnx;

import dev.edgec.ir.Graph;

/** A model after import: its typed graph and what is known about where it came from. */
public record ImportedModel(Graph graph, ModelInfo info) {
}
