package dev.edgec.core;

import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.lower.AssembledModule;
import dev.edgec.core.onnx.ImportedModel;
import dev.edgec.ir.Graph;

/** A compiled module with the graph it came from, for reports. */
public record CompileResult(ImportedModel imported, Graph graph, AssembledModule assembled, ModuleSignature signature) {
    public byte[] moduleBytes() {
        return assembled.bytes();
    }
}
