// Runs an edgec module in Node's V8 through ABI v1 alone: instantiate with no imports, write each
// input at input_ptr(i), call run(), read each output at output_ptr(i). Output sizes come from the
// module's own edgec.signature custom section. No other glue.
// Usage: node edgec-host.mjs MODEL.wasm INPUT_DIR   (then the commands of protocol.mjs on stdin)
import fs from 'node:fs';
import { readInputs, serve } from './protocol.mjs';

const BYTES = { float32: 4, float64: 8, float16: 2, int8: 1, uint8: 1, int16: 2, uint16: 2,
  int32: 4, uint32: 4, int64: 8, uint64: 8, bool: 1 };

await serve(async () => {
  const [wasmFile, inputDir] = process.argv.slice(2);
  const module = new WebAssembly.Module(fs.readFileSync(wasmFile));
  const { exports } = new WebAssembly.Instance(module, {});
  const [section] = WebAssembly.Module.customSections(module, 'edgec.signature');
  const signature = JSON.parse(new TextDecoder().decode(section));
  const outputBytes = signature.outputs.map((o) => o.shape.reduce((a, b) => a * b, 1) * BYTES[o.dtype]);
  const inputs = readInputs(inputDir);
  return () => {
    const memory = exports.memory.buffer;
    inputs.forEach((input, i) => new Uint8Array(memory, exports.input_ptr(i), input.bytes.length).set(input.bytes));
    const status = exports.run();
    if (status !== 0) {
      throw new Error(`run() returned error code ${status}`);
    }
    return outputBytes.map((n, i) => new Uint8Array(memory, exports.output_ptr(i), n).slice());
  };
});
