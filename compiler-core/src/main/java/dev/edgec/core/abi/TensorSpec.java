package dev.edgec.core.abi;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.TensorType;
import java.util.Objects;

/**
 * One input or output of a module as the signature describes it. {@code scale} and
 * {@code zeroPoint} are set only for quantized tensors and are null otherwise.
 */
public record TensorSpec(String name, DataType dtype, Shape shape, Double scale, Long zeroPoint) {
    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
    }

    public static TensorSpec of(String name, TensorType type) {
        return new TensorSpec(name, type.dataType(), type.shape(), null, null);
    }

    public TensorType type() {
        return new TensorType(dtype, shape);
    }

    public long byteSize() {
        return type().byteSize();
    }
}
