// Runs an ONNX model with onnxruntime-web's wasm backend in Node, one thread. onnxruntime-web ships
// SIMD builds only, so this is the SIMD build (ort-wasm-simd-threaded.wasm, run with one thread).
// Usage: node ort-web-host.mjs MODEL.onnx INPUT_DIR   (then the commands of protocol.mjs on stdin)
import fs from 'node:fs';
import * as ort from 'onnxruntime-web';
import { readInputs, serve } from './protocol.mjs';

const ARRAYS = { float32: Float32Array, float64: Float64Array, int8: Int8Array, uint8: Uint8Array,
  int16: Int16Array, uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array,
  int64: BigInt64Array, uint64: BigUint64Array, bool: Uint8Array };

await serve(async () => {
  const [modelFile, inputDir] = process.argv.slice(2);
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(fs.readFileSync(modelFile), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  const inputs = readInputs(inputDir).map((s) => {
    const Array = ARRAYS[s.dtype];
    if (!Array) {
      throw new Error(`input '${s.name}': dtype ${s.dtype} is not handled by this host`);
    }
    const b = s.bytes;
    return { ...s, data: new Array(b.buffer, b.byteOffset, b.byteLength / Array.BYTES_PER_ELEMENT) };
  });
  return async () => {
    const feeds = {};
    for (const s of inputs) {
      feeds[s.name] = new ort.Tensor(s.dtype, s.data, s.shape);
    }
    const results = await session.run(feeds);
    return session.outputNames.map((name) => {
      const d = results[name].data;
      return new Uint8Array(d.buffer, d.byteOffset, d.byteLength).slice();
    });
  };
});
