package dev.edgec.cli.io;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.edgec.cli.CliException;
import dev.edgec.core.onnx.ExternalDataResolver;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.core.onnx.TensorDecoder;
import dev.edgec.core.onnx.proto.OnnxProto.TensorProto;
import dev.edgec.ir.EdgecException;
import dev.edgec.ir.LimitExceededException;
import dev.edgec.ir.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a tensor from a {@code .npy} file or a serialized ONNX {@code TensorProto} ({@code .pb}, as in
 * the ONNX test data). The format is recognised by the {@code .npy} magic string, not by the file's
 * name. Every failure is one {@link EdgecException} naming the file and what it was for.
 */
public final class TensorFiles {
    /**
     * A {@code TensorProto} may store each 1-byte element as a 10-byte varint, so a file may be up to
     * this many times larger than the tensor it holds; larger files are refused before being read.
     */
    private static final long MAX_ENCODING_OVERHEAD = 10;

    private TensorFiles() {
    }

    /**
     * Reads the tensor in {@code file}. {@code purpose} says what it is for, e.g. {@code input 'x'};
     * {@code maxBytes} bounds the tensor's size.
     */
    public static Tensor read(Path file, String purpose, long maxBytes) {
        String where = "'" + file + "' (" + purpose + ")";
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw CliException.io("cannot read " + where + ": it is a folder");
            }
            long size = Files.size(file);
            if (size / MAX_ENCODING_OVERHEAD > maxBytes + (1 << 20)) {
                throw new LimitExceededException(where + " is " + size + " bytes, too large for a tensor of at most "
                        + maxBytes + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliException.io("cannot read " + where + ": " + IoErrors.reason(e));
        }
        if (NpyFormat.looksLikeNpy(bytes)) {
            try {
                return NpyFormat.read(bytes, maxBytes);
            } catch (IllegalArgumentException e) {
                throw CliException.io(where + " is not a valid .npy file: " + e.getMessage());
            }
        }
        return readTensorProto(bytes, file, where, maxBytes);
    }

    /** {@code t} as a serialized ONNX {@code TensorProto} (raw_data), the file format for bfloat16, which numpy lacks. */
    public static byte[] writeTensorProto(String name, Tensor t) {
        return OnnxBuilder.tensorProto(name, t).toByteArray();
    }

    private static Tensor readTensorProto(byte[] bytes, Path file, String where, long maxBytes) {
        TensorProto proto;
        try {
            proto = TensorProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw CliException.io(where + " is neither a .npy file nor an ONNX TensorProto");
        }
        if (!proto.hasDataType() || proto.getDataType() == 0) {
            throw CliException.io(where + " is neither a .npy file nor an ONNX TensorProto (no data_type)");
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return new TensorDecoder(new ExternalDataResolver(dir), maxBytes).decode(proto, "TensorProto " + where);
        } catch (LimitExceededException e) {
            throw e;
        } catch (EdgecException e) {
            throw new CliException(EdgecException.Kind.IO, e.getMessage(), e);
        }
    }
}
