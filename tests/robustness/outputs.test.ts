// The output folder as one set: the manifest carries the hash of every other file, a killed run leaves the
// previous complete set or the new complete set (after the next run's recovery, which also clears its temporary
// files), never a torn file. `npm run kill-test` does the same with the real CLI and 50+ random SIGKILLs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL, recoverFolder } from '../../src/io/commit.ts';
import { checkOutputFolder, FolderSink, MemorySink } from '../../src/outputs/sink.ts';
import { tempDir } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHILD = join(ROOT, 'tests/robustness/kill-child.ts');

function child(dir: string, version: string, point: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, version, point], { cwd: ROOT, encoding: 'utf8' });
}
const versionOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;
const datasetVersions = (dir: string) =>
  new Set(
    readFileSync(join(dir, 'dataset.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { version: string }).version),
  );

function write(dir: string, lines: string[]) {
  const sink = new FolderSink(dir);
  sink.openDataset();
  for (const l of lines) sink.appendDataset(l);
  sink.writeFile('schema.json', '{}\n');
  sink.writeFile('manifest.json', `${JSON.stringify({ counts: { ok: lines.length } }, null, 2)}\n`);
  sink.commit();
}

describe('robustness: outputs are written as one consistent set', () => {
  it('seals the manifest with the sha256 of the dataset and the schema, and the check catches a change', () => {
    const dir = tempDir();
    write(dir, ['{"id":"a"}\n', '{"id":"b"}\n']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.outputs)).toEqual(['dataset.jsonl', 'schema.json']);
    expect(manifest.outputs['dataset.jsonl'].bytes).toBe(22);
    expect(checkOutputFolder(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['dataset.jsonl', 'manifest.json', 'schema.json']);
    writeFileSync(join(dir, 'dataset.jsonl'), '{"id":"a"}\n{"id":"c"}\n');
    expect(checkOutputFolder(dir).join()).toContain('dataset.jsonl: sha256');
  });

  it('seals the in-memory manifest (--check) exactly like the folder one', () => {
    const dir = tempDir();
    write(dir, ['{"id":"a"}\n']);
    const mem = new MemorySink();
    mem.openDataset();
    mem.appendDataset('{"id":"a"}\n');
    mem.writeFile('schema.json', '{}\n');
    mem.writeFile('manifest.json', `${JSON.stringify({ counts: { ok: 1 } }, null, 2)}\n`);
    mem.commit();
    expect(mem.files.get('manifest.json')).toBe(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  });

  it("removes stale temporary files of dead writers and leaves a live writer's alone", () => {
    const dir = tempDir();
    write(dir, ['{"id":"a"}\n']);
    writeFileSync(join(dir, '.dataset.jsonl.999999999.0badf00d.tmp'), 'torn');
    writeFileSync(join(dir, '.manifest.json.999999998.tmp'), 'torn');
    writeFileSync(join(dir, `.schema.json.${process.pid}.12345678.tmp`), 'mine, in progress');
    const r = recoverFolder(dir);
    expect(r.removed.sort()).toEqual(['.dataset.jsonl.999999999.0badf00d.tmp', '.manifest.json.999999998.tmp']);
    expect(existsSync(join(dir, `.schema.json.${process.pid}.12345678.tmp`))).toBe(true);
    expect(checkOutputFolder(dir)).toEqual([]);
  });

  it('survives SIGKILL at 5 points of a write (mid-stream, after the journal, between renames): old or new set, never torn', () => {
    const dir = tempDir();
    expect(child(dir, 'v0', 'none').status).toBe(0);
    const points = ['stream:120', 'journal', 'rename:1', 'rename:2', 'rename:3'];
    points.forEach((point, k) => {
      const before = versionOf(dir);
      const r = child(dir, `v${k + 1}`, point);
      expect(r.signal, point).toBe('SIGKILL');
      // what the crash left: no final file is ever torn (every one parses); a half-done commit has its journal
      for (const f of ['manifest.json', 'schema.json'])
        expect(() => JSON.parse(readFileSync(join(dir, f), 'utf8')), `${point} ${f}`).not.toThrow();
      expect(existsSync(join(dir, JOURNAL)), point).toBe(point !== 'stream:120');
      recoverFolder(dir); // what the next run does first
      expect(checkOutputFolder(dir), point).toEqual([]);
      const after = versionOf(dir);
      expect([before, `v${k + 1}`], point).toContain(after);
      expect(after, point).toBe(point === 'stream:120' ? before : `v${k + 1}`); // a journaled commit rolls forward
      expect(datasetVersions(dir), point).toEqual(new Set([after]));
      // only the killed writer's lock stays, stale (its process is gone): the next writer takes it over
      expect(
        readdirSync(dir).filter((n) => n.startsWith('.')),
        point,
      ).toEqual(['.lock']);
    });
    expect(child(dir, 'final', 'none').status).toBe(0);
    expect(checkOutputFolder(dir)).toEqual([]);
    expect(versionOf(dir)).toBe('final');
  }, 30_000);
});
