package dev.edgec.ir;

import java.util.Objects;

/** Element type and static shape of a tensor value. */
public record TensorType(DataType dataType, Shape shape) {
    public TensorType {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(shape, "shape");
    }

    public static TensorType of(DataType dataType, int... dims) {
        return new TensorType(dataType, Shape.of(dims));
    }

    public int elementCount() {
        return shape.elementCount();
    }

    public long byteSize() {
        return (long) shape.elementCount() * dataType.byteSize();
    }

    @Override
    public String toString() {
        return dataType.signatureName() + "[" + shape + "]";
    }
}
