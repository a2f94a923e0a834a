package dev.edgec.harness.bench;

import java.util.List;
import java.util.Optional;

/**
 * Everything measured on one model.
 *
 * @param compileFailure  why edgec could not compile the model (then no edgec figures), or null
 * @param moduleBytes     edgec's module
 * @param declaredMemory  linear memory the module declares (pages × 64 KiB)
 * @param arenaBytes      activation arena as planned ({@code CompileReport.arenaPeak})
 * @param weightBytes     constants placed in memory ({@code CompileReport.weightBytes})
 * @param warmCompile     in-process compile time, JVM warm; null when not compiled
 * @param coldCompile     a fresh {@code java -jar edgec.jar compile} process; null when it failed
 * @param coldFailure     why the cold compile could not be timed, or null
 */
record ModelResult(String name, long onnxBytes, String compileFailure, long moduleBytes, long declaredMemory,
                   long arenaBytes, long weightBytes, LatencyStats warmCompile, LatencyStats coldCompile,
                   String coldFailure, List<SystemResult> systems) {
    Optional<SystemResult> result(BenchSystem s) {
        return systems.stream().filter(r -> r.system() == s).findFirst();
    }
}
