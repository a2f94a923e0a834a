package dev.edgec.harness.ops;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.edgec.core.onnx.OnnxBuilder;
import dev.edgec.harness.ModelCheck;
import dev.edgec.harness.RandomTensors;
import dev.edgec.harness.Tolerance;
import dev.edgec.ir.DataType;
import dev.edgec.ir.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds one-node RNN/GRU/LSTM models with random weights and compares them with ONNX Runtime. */
final class RecurrentTesting {
    private RecurrentTesting() {
    }

    /**
     * @param gates       1, 3 or 4
     * @param withInitial also pass initial_h (and initial_c for LSTM) as graph inputs
     * @param extra       further attributes, name/value pairs
     */
    static byte[] model(String op, int gates, int seq, int batch, int input, int hidden, String direction, int layout,
                        boolean withBias, boolean withInitial, boolean withPeepholes, int outputs, Object... extra) {
        int dirs = direction.equals("bidirectional") ? 2 : 1;
        Random rnd = new Random(seq * 31L + batch * 7L + input * 3L + hidden + gates);
        OnnxBuilder b = new OnnxBuilder(op.toLowerCase(), 14);
        String x = layout == 0 ? b.input("X", DataType.FLOAT32, seq, batch, input) : b.input("X", DataType.FLOAT32, batch, seq, input);
        List<String> in = new ArrayList<>(List.of(x,
                b.initializer("W", RandomTensors.of(TensorType.of(DataType.FLOAT32, dirs, gates * hidden, input), rnd)),
                b.initializer("R", RandomTensors.of(TensorType.of(DataType.FLOAT32, dirs, gates * hidden, hidden), rnd))));
        in.add(withBias ? b.initializer("B", RandomTensors.of(TensorType.of(DataType.FLOAT32, dirs, 2 * gates * hidden), rnd)) : "");
        in.add("");
        int[] state = layout == 0 ? new int[] {dirs, batch, hidden} : new int[] {batch, dirs, hidden};
        if (withInitial) {
            in.add(b.input("initial_h", DataType.FLOAT32, state[0], state[1], state[2]));
            if (gates == 4) {
                in.add(b.input("initial_c", DataType.FLOAT32, state[0], state[1], state[2]));
            }
        }
        if (withPeepholes) {
            while (in.size() < 7) {
                in.add("");
            }
            in.add(b.initializer("P", RandomTensors.of(TensorType.of(DataType.FLOAT32, dirs, 3 * hidden), rnd)));
        }
        while (!in.isEmpty() && in.get(in.size() - 1).isEmpty()) {
            in.remove(in.size() - 1);
        }
        List<String> outs = List.of("Y", "Y_h", "Y_c").subList(0, outputs);
        Object[] attrs = new Object[extra.length + 6];
        attrs[0] = "hidden_size";
        attrs[1] = (long) hidden;
        attrs[2] = "direction";
        attrs[3] = direction;
        attrs[4] = "layout";
        attrs[5] = (long) layout;
        System.arraycopy(extra, 0, attrs, 6, extra.length);
        b.nodeWithOutputs(op, in, outs, attrs);
        for (String o : outs) {
            b.output(o, DataType.FLOAT32);
        }
        return b.toBytes();
    }

    static void assertMatchesOrt(byte[] model) {
        assertNull(ModelCheck.mismatchOnRandomInputs(model, 5, Tolerance.ONNX_BACKEND));
    }
}
