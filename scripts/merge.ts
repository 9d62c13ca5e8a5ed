// npm run merge -- --output DIR PART_DIR...: combines the output folders of `--shard i/N` runs into the dataset,
// schema and manifest one run over the whole corpus writes (see docs/scaling.md). Exit 0 merged, 1 refused.
import { Command } from 'commander';
import { MergeError, mergeShards } from '../src/run/merge.ts';
import { resolve } from 'node:path';
import { invocationFolder } from '../src/invocation.ts';
import { FolderSink } from '../src/outputs/sink.ts';

const program = new Command()
  .name('merge')
  .description('Merge the output folders of shard runs (--shard i/N) into one output folder.')
  .requiredOption('--output <dir>', 'the merged output folder')
  .argument('<parts...>', 'the shard output folders, all N of them, in any order')
  .addHelpText(
    'after',
    '\nRelative paths are relative to the folder the command was run from.\n\nExit codes:\n  0  merged\n  1  refused (a shard missing, given twice, or from another run): nothing written\n  2  merged, but some articles were rejected in the shard runs',
  )
  .showHelpAfterError();

async function main(): Promise<number> {
  program.parse();
  const { output } = program.opts<{ output: string }>();
  const t0 = performance.now();
  try {
    const cwd = invocationFolder();
    const s = await mergeShards(
      program.args.map((p) => resolve(cwd, p)),
      () => new FolderSink(resolve(cwd, output)),
    );
    process.stderr.write(
      `merged ${s.parts} shards: ${s.inputs} articles, ${s.ok} ok, ${s.rejected} rejected in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    return s.rejected > 0 ? 2 : 0;
  } catch (err) {
    if (err instanceof MergeError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
