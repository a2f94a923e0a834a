package dev.edgec.harness.bench;

import java.util.List;
import java.util.Map;

/**
 * One whole benchmark run, as the report prints it.
 *
 * @param machine          rows of the machine table
 * @param loadBefore       1-minute load average when the run started
 * @param loadAfter        1-minute load average when it ended
 * @param bareNodeRssKiB   peak RSS of a Node process that loads nothing
 * @param ortWebWasmBytes  onnxruntime-web's wasm binary that Node loads ({@code ort-wasm-simd-threaded.wasm})
 * @param ortWebJsBytes    the JavaScript onnxruntime-web loads beside it in Node
 * @param seconds          wall time of the run
 */
record BenchRun(Map<String, String> machine, String loadBefore, String loadAfter, long bareNodeRssKiB,
                long ortWebWasmBytes, long ortWebJsBytes, BenchSettings settings, double seconds,
                List<ModelResult> models) {
}
