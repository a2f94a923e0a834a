package dev.edgec.harness.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgec.cli.runtime.ModuleRunner;
import dev.edgec.core.CompileOptions;
import dev.edgec.core.CompileResult;
import dev.edgec.core.Compiler;
import dev.edgec.core.abi.RunStatus;
import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.WasmtimeRuntime;
import dev.edgec.ir.DataType;
import dev.edgec.ir.Shape;
import dev.edgec.ir.Tensor;
import dev.edgec.ir.UnsupportedModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Index inputs read at run time (Gather, GatherElements on a float32[5]) must make {@code run()}
 * return {@link RunStatus#INDEX_OUT_OF_RANGE} when out of range, never trap nor read a neighbour's
 * bytes; ONNX's negative indices ({@code -5..-1}) are in range; an int64 index of 2^32 must not wrap
 * to 0. Skipped while edgec does not compile the operator.
 */
class IndexInputStatusTest {
    static Stream<Arguments> cases() {
        List<long[]> pairs = new ArrayList<>(List.of(new long[] {0, 4}, new long[] {-5, -1}, new long[] {5, 0},
                new long[] {0, -6}, new long[] {Integer.MAX_VALUE, 1}, new long[] {Integer.MIN_VALUE, 1}));
        List<long[]> wide = List.of(new long[] {1L << 32, 1}, new long[] {-(1L << 32), 1},
                new long[] {Long.MAX_VALUE, 0}, new long[] {0, Long.MIN_VALUE});
        List<Arguments> all = new ArrayList<>();
        for (String op : List.of("Gather", "GatherElements")) {
            for (DataType dt : List.of(DataType.INT64, DataType.INT32)) {
                List<long[]> these = new ArrayList<>(pairs);
                if (dt == DataType.INT64) {
                    these.addAll(wide);
                }
                for (long[] p : these) {
                    boolean inRange = p[0] >= -5 && p[0] < 5 && p[1] >= -5 && p[1] < 5;
                    all.add(Arguments.of(op, dt, p[0], p[1], inRange ? RunStatus.OK : RunStatus.INDEX_OUT_OF_RANGE));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} [{2}, {3}] -> {4}")
    @MethodSource("cases")
    void outOfRangeIndicesReturnTheDocumentedStatus(String op, DataType indexType, long i0, long i1, RunStatus expected) {
        OnnxBuilder b = new OnnxBuilder("index_" + op, 13);
        String data = b.input("data", DataType.FLOAT32, 5);
        String idx = b.input("idx", indexType, 2);
        b.output(b.node(op, List.of(data, idx), "axis", 0L), DataType.FLOAT32);
        CompileResult compiled;
        try {
            compiled = new Compiler().compile(b.toBytes(), CompileOptions.defaults());
        } catch (UnsupportedModelException e) {
            Assumptions.abort(op + " is not compiled yet: " + e.getMessage());
            return;
        }
        Tensor values = Tensor.ofFloats(Shape.of(5), 10, 11, 12, 13, 14);
        Tensor indices = Tensor.ofLongs(indexType, Shape.of(2), i0, i1);
        try (ModuleRunner runner = new ModuleRunner(compiled.moduleBytes(), new WasmtimeRuntime())) {
            runner.writeInputs(List.of(values, indices));
            int status = runner.instance().call("run");
            assertEquals(expected, RunStatus.of(status), "run() returned " + status);
            if (expected == RunStatus.OK) {
                float[] got = runner.readOutputs().get(0).toFloats();
                assertEquals(10 + Math.floorMod(i0, 5), got[0]);
                assertEquals(10 + Math.floorMod(i1, 5), got[1]);
            }
        }
    }
}
