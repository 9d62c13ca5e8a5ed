// What a run says on stderr: a live progress line only on a terminal (a log file would fill with carriage
// returns), and a summary line either way.
import type { RunSummary } from './runner.ts';

/** A progress callback for RunOptions.onArticle: done/total, cached, articles/s and ETA, redrawn in place. */
export function progressLine(
  stream: NodeJS.WriteStream,
  t0: number,
): (done: number, total: number, cached: number) => void {
  let last = 0;
  return (done, total, cached) => {
    const now = performance.now();
    // at thousands of articles a second (cache hits) redrawing each one would cost more than the work
    if (done !== total && now - last < 100) return;
    last = now;
    const secs = (now - t0) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const eta = (total - done) / Math.max(rate, 1e-9);
    stream.write(`\r${done}/${total} articles (${cached} cached), ${rate.toFixed(1)}/s, ETA ${eta.toFixed(0)} s   `);
    if (done === total) stream.write('\n');
  };
}

/** The closing line: processed, cached, rejected, counts and wall time. */
export function summaryLine(s: RunSummary, seconds: number): string {
  const threads = s.upToDate ? 'up to date: nothing written' : s.workers ? `${s.workers} workers` : 'in process';
  const skipped = s.skipped ? `, ${s.skipped} other entries skipped (see manifest.json)` : '';
  return `${s.inputs} articles: ${s.ok} processed (${s.cached} from cache), ${s.rejected} rejected${skipped}; ${s.quotes} quotes, ${s.entities} entities in ${seconds.toFixed(1)} s (${threads})`;
}
