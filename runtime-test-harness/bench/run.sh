#!/usr/bin/env bash
# Regenerates docs/benchmarks.md: edgec (in wasmtime, Chicory and Node's V8) against ONNX Runtime Java
# and onnxruntime-web in Node, side by side in one run. Takes about 10 minutes.
#   runtime-test-harness/bench/run.sh [extra.onnx ...] [--only lenet] [--seconds-per-system 5] [--out FILE]
#   runtime-test-harness/bench/run.sh --int8 [--calibration-samples 8] [--only lenet]   # float vs int8 modules
# Needs JDK 17, Maven and Node (npm reaches the npm registry once, to install onnxruntime-web).
set -euo pipefail

bench="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$bench/../.." && pwd)"

# onnxruntime-web, pinned by package-lock.json, into bench/node_modules (gitignored). The --int8 mode
# (edgec's float module against its int8 one, in wasmtime and Chicory: docs/benchmarks-int8.md) needs no Node.
if [[ " $* " != *" --int8 "* ]]; then
  (cd "$bench" && npm ci --no-audit --no-fund --loglevel=error)
fi

# edgec's jars (cli/target/edgec.jar for the cold compile) and the harness's class path. No install:
# the reactor resolves the edgec modules to their target/ jars. Every module writes the class path file;
# the harness comes last in the reactor, so its class path is the one left.
classpath_file="$root/runtime-test-harness/target/bench.classpath"
(cd "$root" && mvn -B -q package -Dmaven.test.skip=true -pl runtime-test-harness -am \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime)
harness_jar="$(ls "$root"/runtime-test-harness/target/edgec-runtime-test-harness-*.jar | head -1)"

cd "$root"
exec java -Xmx4g -cp "$harness_jar:$(cat "$classpath_file")" dev.edgec.harness.bench.BenchMain "$@"
