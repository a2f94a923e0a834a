package dev.edgec.cli;

import dev.edgec.core.EdgecVersion;
import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.core.onnx.OnnxImporter;
import picocli.CommandLine.IVersionProvider;

/** {@code edgec --version}: the compiler version, the module ABI it emits and the newest ONNX opset it reads. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"edgec " + EdgecVersion.VERSION + " (module ABI v" + ModuleSignature.ABI_VERSION
                + ", ONNX opsets up to " + OnnxImporter.MAX_OPSET + ")"};
    }
}
