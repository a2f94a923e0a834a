package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.cli.runtime.ChicoryRuntime;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CastLike against ONNX Runtime, bit-exact: the output takes the second input's element type. */
class CastLikeTest {
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(DataType.FLOAT32, DataType.FLOAT16), Arguments.of(DataType.FLOAT16, DataType.FLOAT64),
                Arguments.of(DataType.FLOAT64, DataType.INT32), Arguments.of(DataType.INT64, DataType.FLOAT32),
                Arguments.of(DataType.INT8, DataType.BOOL), Arguments.of(DataType.FLOAT32, DataType.FLOAT32));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesOrt(DataType from, DataType like) {
        byte[] model = OpCheck.model("CastLike", 15, List.of(from, like), List.of(new int[]{3, 5}, new int[]{1}), like);
        Map<String, Tensor> in = OpCheck.randomInputs(List.of(from, like), List.of(new int[]{3, 5}, new int[]{1}), 4, -50, 50);
        String why = ModelCheck.mismatch(model, in, Tolerance.EXACT, new ChicoryRuntime());
        assertNull(why, why);
    }
}
