// The line protocol between the Java benchmark driver (dev.edgec.harness.bench.NodeContender) and a
// Node host script. The host prepares one model, then answers commands read from stdin, one JSON line
// on stdout per command, so that the driver can interleave Node's timing with the JVM's systems:
//   check DIR  -> one inference; writes output_<i>.bin (raw little-endian bytes) into DIR
//   time N     -> N inferences, each timed alone: {"ns":[wall...], "cpuNs":[CPU of the process...]}
//   rss        -> {"maxRssKiB": peak resident set size of this process so far}
// The peak RSS is VmHWM from /proc/self/status on Linux: process.resourceUsage().maxRSS (getrusage)
// also counts the peak of the process that spawned Node (Linux carries it across exec, and the JVM
// spawns through vfork), so there it reports the benchmark JVM's peak rather than Node's.
// Anything that goes wrong is reported as {"error": "..."}; the process then exits.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/** Reads the inputs the driver wrote: DIR/inputs.json lists {name, dtype, shape, file} in graph order. */
export function readInputs(dir) {
  const specs = JSON.parse(fs.readFileSync(path.join(dir, 'inputs.json'), 'utf8'));
  return specs.map((s) => ({ ...s, bytes: new Uint8Array(fs.readFileSync(path.join(dir, s.file))) }));
}

/** VmHWM of this process image (Linux), else getrusage's maxRSS. */
export function peakRssKiB() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) {
      return Number(m[1]);
    }
  } catch (e) {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

function reply(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

/**
 * Runs the command loop. `infer` does one inference and returns the outputs as Uint8Arrays of raw
 * bytes in graph order; it may be async.
 */
export async function serve(prepare) {
  let infer;
  try {
    infer = await prepare();
  } catch (e) {
    reply({ error: String(e && e.message ? e.message : e) });
    process.exit(1);
  }
  reply({ ready: true });
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    const [cmd, arg] = line.trim().split(/\s+/, 2);
    try {
      if (cmd === 'check') {
        const outputs = await infer();
        outputs.forEach((o, i) => fs.writeFileSync(path.join(arg, `output_${i}.bin`), o));
        reply({ outputs: outputs.length });
      } else if (cmd === 'time') {
        const ns = [];
        const cpuNs = [];
        for (let i = 0; i < Number(arg); i++) {
          const cpu0 = process.cpuUsage();
          const t0 = process.hrtime.bigint();
          await infer();
          ns.push(Number(process.hrtime.bigint() - t0));
          const cpu = process.cpuUsage(cpu0);
          cpuNs.push((cpu.user + cpu.system) * 1000);
        }
        reply({ ns, cpuNs });
      } else if (cmd === 'rss') {
        reply({ maxRssKiB: peakRssKiB(), getrusageMaxRssKiB: process.resourceUsage().maxRSS });
      } else if (cmd === 'quit') {
        break;
      } else {
        reply({ error: `unknown command ${cmd}` });
      }
    } catch (e) {
      reply({ error: String(e && e.message ? e.message : e) });
      process.exit(1);
    }
  }
  process.exit(0);
}
