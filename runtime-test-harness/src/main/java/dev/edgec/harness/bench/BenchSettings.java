package dev.edgec.harness.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How long and how often to measure. Repetitions are chosen per model and system from a warm-up
 * estimate so that each system gets about {@code secondsPerSystem} of timed inferences, but never
 * fewer than {@code minRuns} nor more than {@code maxRuns}; they are spread over {@code rounds}
 * interleaved rounds (every system runs one batch per round, in rotating order) so that a burst of
 * load from other processes hits all systems alike.
 *
 * @param models           the ONNX files, zoo first
 * @param out              the Markdown file to write
 * @param jar              {@code cli/target/edgec.jar}, for the cold compile
 * @param nodeDir          the folder with the Node host scripts and their node_modules
 * @param work             scratch folder for modules, inputs and outputs
 */
record BenchSettings(List<Path> models, Path out, Path jar, Path nodeDir, Path work, double warmUpSeconds,
                     double secondsPerSystem, int minRuns, int maxRuns, int rounds, int coldCompileRuns) {
}
