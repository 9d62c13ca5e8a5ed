// Loaded with --import into a process the bench measures: when the process exits, writes its resource usage
// (CPU seconds of every thread it ran, workers included, and peak RSS) as JSON to the file BENCH_PROBE_OUT names.
// Worker threads load it too (they inherit execArgv) and write nothing.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PROBE_OUT;
if (isMainThread && file) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ user: r.userCPUTime / 1e6, system: r.systemCPUTime / 1e6, maxRssMb: r.maxRSS / 1024 }),
    );
  });
}
