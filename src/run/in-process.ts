// The in-process run (evaluation, tests, benchmarks): the same run as src/run/runner.ts with the stages loaded
// in this thread. Kept apart so that a run on workers never loads wink and the tagger in the main thread.
import { processToOutcome } from './outcome.ts';
import { runPipelineWith, type RunOptions, type RunSummary } from './runner.ts';

/** Runs the pipeline in this thread, whatever config.run.concurrency says. Throws RunError only when the run
 * itself cannot go on. */
export function runPipeline(opts: RunOptions): RunSummary {
  return runPipelineWith(opts, processToOutcome);
}
