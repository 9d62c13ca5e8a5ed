// The run itself against a hostile file system, through the command line: output folders that overlap the input,
// two runs into one folder, empty corpora, entries that are no articles or cannot be read (FIFOs, sockets, names
// that are not UTF-8, paths longer than PATH_MAX, folders that cannot be listed), names that carry control
// characters, a write that fails. Each case: its message id, its exit code, the good articles beside it
// byte-identical to a clean run, and its time and peak memory with 2 workers (printed; bounded here loosely, the
// machine is shared).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.ts';
import { articleReader } from '../../src/io/read.ts';
import { cleanGood, cli, cliAsync, figure, GOOD, goodLines, snapshot } from './hostile.ts';
import { runCorpus, tempDir, writeCorpus } from './harness.ts';

const MAX_MB = 600;
const manifestOf = (out: string) =>
  JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    inputs: { id: string; path: string; status: string; messages: { id: string; text: string }[] }[];
    skipped: { path: string; messages: { id: string; text: string }[] }[];
  };
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);
const processStart = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};

describe('robustness: the output folder', () => {
  it('refuses an output folder inside or equal to the input, and an input inside the output (exit 1, nothing written)', () => {
    const corpus = writeCorpus(GOOD);
    const inside = cli(['--input', corpus, '--output', join(corpus, 'out')]);
    figure('output inside input', inside);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain('[run/output-inside-input]');
    expect(existsSync(join(corpus, 'out'))).toBe(false);
    const same = cli(['--input', corpus, '--output', corpus]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('the same folder as');
    const outer = tempDir();
    cpSync(corpus, join(outer, 'corpus'), { recursive: true });
    const under = cli(['--input', join(outer, 'corpus'), '--output', outer]);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('[run/input-inside-output]');
    expect(readdirSync(outer)).toEqual(['corpus']);
    for (const r of [inside, same, under]) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(r.stderr);
    }
  }, 120_000);

  it('an empty input folder, or one of no articles: exit 1 (run/no-inputs), the previous output kept', () => {
    const out = tempDir();
    expect(cli(['--input', writeCorpus(GOOD), '--output', out]).code).toBe(0);
    const before = snapshot(out);
    const empty = cli(['--input', tempDir(), '--output', out]);
    figure('empty input', empty);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('[run/no-inputs]');
    expect(empty.stderr).toContain('it is empty');
    const junk = writeCorpus({ 'paper.pdf': '%PDF', '.hidden.txt': 'x', README: 'read me', 'sub/photo.jpg': 'jpg' });
    const none = cli(['--input', junk, '--output', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('4 entries, none an article');
    expect(snapshot(out)).toEqual(before);
  }, 120_000);

  it('a live lock: the second run exits 1 naming the holder; a stale one is taken over', () => {
    const corpus = writeCorpus(GOOD);
    const out = tempDir();
    expect(cli(['--input', corpus, '--output', out]).code).toBe(0);
    const before = snapshot(out);
    const holder = spawnSync('sleep', ['0']).pid; // a pid that is gone now
    const sleeper = execFileSync('sh', ['-c', 'sleep 120 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' });
    const live = Number(sleeper.trim());
    try {
      writeFileSync(
        join(out, '.lock'),
        `${JSON.stringify({ pid: live, host: hostname(), start: processStart(live) })}\n`,
      );
      const held = cli(['--input', corpus, '--output', out]);
      figure('locked output', held);
      expect(held.code).toBe(1);
      expect(held.stderr).toContain('[run/output-locked]');
      expect(held.stderr).toContain(`process ${live} on ${hostname()}`);
      expect(snapshot(out)).toEqual({ ...before, '.lock': snapshot(out)['.lock']! });
      expect(cli(['--input', corpus, '--output', out, '--check']).code).toBe(1); // --check does not judge it either
    } finally {
      process.kill(live, 'SIGKILL');
    }
    // the holder died: its lock is stale and taken over; so is one whose pid now names another process
    const stale = cli(['--input', corpus, '--output', out]);
    expect(stale.code).toBe(0);
    expect(existsSync(join(out, '.lock'))).toBe(false);
    writeFileSync(join(out, '.lock'), `${JSON.stringify({ pid: process.pid, host: hostname(), start: '1' })}\n`);
    expect(cli(['--input', corpus, '--output', out]).code).toBe(0);
    writeFileSync(join(out, '.lock'), `${JSON.stringify({ pid: holder, host: hostname() })}\n`);
    expect(cli(['--input', corpus, '--output', out]).code).toBe(0);
    expect(snapshot(out)).toEqual(before);
  }, 180_000);

  it('two runs into one folder at once: one writes, the other exits 1 naming it', async () => {
    const files: Record<string, string> = { ...GOOD };
    for (let i = 0; i < 12; i++) files[`more/a${i}.txt`] = `${GOOD['good/one.txt']!} Report ${i}.`;
    const corpus = writeCorpus(files);
    const out = tempDir();
    const first = cliAsync(['--input', corpus, '--output', out, '--force']);
    let stderr = '';
    first.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const done = new Promise<number | null>((resolve) => first.on('exit', resolve));
    for (let i = 0; i < 600 && !existsSync(join(out, '.lock')); i++) await new Promise((r) => setTimeout(r, 50));
    const second = cli(['--input', corpus, '--output', out]);
    figure('second concurrent run', second);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`process ${first.pid}`);
    expect(await done, stderr).toBe(0);
    const clean = tempDir();
    expect(cli(['--input', corpus, '--output', clean]).code).toBe(0);
    for (const f of ['dataset.jsonl', 'manifest.json', 'tables/quotes.csv', 'report/index.html'])
      expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(clean, f), 'utf8'));
  }, 240_000);

  it('a write that fails exits 1 naming the path it could not write, and leaves the previous output', () => {
    const corpus = writeCorpus(GOOD);
    const out = tempDir();
    expect(cli(['--input', corpus, '--output', out]).code).toBe(0);
    // the tables' folder is a file now: nothing of the new set can be committed
    rmSync(join(out, 'tables'), { recursive: true });
    writeFileSync(join(out, 'tables'), 'in the way');
    writeFileSync(join(corpus, 'good/three.txt'), 'A third article, said Paul Lee.');
    const before = snapshot(out);
    const r = cli(['--input', corpus, '--output', out]);
    figure('unwritable output', r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[run/output-unwritable]');
    expect(r.stderr).toContain(join(out, 'tables'));
    noStackTrace(r.stderr);
    expect(snapshot(out)).toEqual(before);
  }, 120_000);
});

describe('robustness: entries that are no articles, or cannot be read', () => {
  it('hidden files, other types, no extension, sockets, FIFOs: listed with a reason; .xhtml and .text read', async () => {
    const corpus = writeCorpus({
      ...GOOD,
      '.DS_Store': 'x',
      '.git/config': '[core]',
      'notes.pdf': '%PDF',
      README: 'Read me, said nobody.',
      'page.xhtml': '<html><body><article><p>“We are ready,” Governor Ann Lee said.</p></article></body></html>',
      'note.text': 'Jane Smith said the plan would fail.',
    });
    execFileSync('mkfifo', [join(corpus, 'pipe'), join(corpus, 'pipe.txt')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(corpus, 'socket'), resolve));
    try {
      const t0 = performance.now();
      const r = runCorpus(corpus);
      expect(performance.now() - t0).toBeLessThan(10_000);
      const skipped = Object.fromEntries(r.manifest.skipped.map((s) => [s.path, s.messages.map((m) => m.id)]));
      expect(skipped).toEqual({
        '.DS_Store': ['input/hidden'],
        '.git/': ['input/hidden'],
        README: ['input/unsupported-type'],
        'notes.pdf': ['input/unsupported-type'],
        pipe: ['input/not-a-file'],
        socket: ['input/not-a-file'],
      });
      expect(r.ids('pipe.txt')).toEqual(['ingest/not-a-file']);
      expect(r.records.get('page.xhtml')!.source.format).toBe('html');
      expect(r.records.get('note.text')!.source.format).toBe('text');
      expect(r.records.get('page.xhtml')!.quotes).toHaveLength(1);
      expect(goodLines(r.out)).toEqual(cleanGood());
    } finally {
      server.close();
    }
  }, 60_000);

  it('a file swapped for a FIFO after discovery is refused at once, never waited on', () => {
    const corpus = writeCorpus({ ...GOOD, 'swap.txt': 'Soon a pipe.' });
    const real = articleReader({ root: corpus });
    const t0 = performance.now();
    const r = runCorpus(
      corpus,
      {},
      {
        reader: (abs) => {
          if (abs.endsWith('swap.txt')) {
            unlinkSync(abs);
            execFileSync('mkfifo', [abs]);
          }
          return real(abs);
        },
      },
    );
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.ids('swap.txt')).toEqual(['ingest/not-a-file']);
    expect(r.entry('swap.txt').messages[0]!.text).toContain('FIFO');
    expect(goodLines(r.out)).toEqual(cleanGood());
  }, 60_000);

  it('names that are not UTF-8: rejected with a message and a readable path, never vanished', () => {
    const corpus = writeCorpus(GOOD);
    const name = Buffer.concat([Buffer.from(corpus), Buffer.from('/bad'), Buffer.from([0xff]), Buffer.from('.txt')]);
    writeFileSync(name, 'Jane Smith said it.');
    const dir = Buffer.concat([Buffer.from(corpus), Buffer.from('/dir'), Buffer.from([0xc3, 0x28])]);
    mkdirSync(dir);
    writeFileSync(Buffer.concat([dir, Buffer.from('/inner.md')]), 'Paul Lee said so.');
    writeFileSync(Buffer.concat([dir, Buffer.from('/photo.jpg')]), 'jpg');
    const r = runCorpus(corpus);
    expect(r.ids('bad\\xFF.txt')).toEqual(['ingest/invalid-file-name']);
    expect(r.entry('bad\\xFF.txt').messages[0]!.text).toContain('byte 0xFF at 3');
    expect(r.ids('dir\\xC3(/inner.md')).toEqual(['ingest/invalid-file-name']);
    expect(r.manifest.skipped.map((s) => s.path)).toEqual(['dir\\xC3(/photo.jpg']);
    expect(r.summary.rejected).toBe(2);
    expect(goodLines(r.out)).toEqual(cleanGood());
  }, 60_000);

  it('a path longer than PATH_MAX: a message for that path, the rest processed, no stack trace', () => {
    const corpus = writeCorpus(GOOD);
    // 20 folders of 250 characters: 5,000 bytes, past Linux's 4,096 (made with relative cd, which has no limit)
    const seg = 'd'.repeat(250);
    execFileSync('bash', [
      '-c',
      `cd "$1" && for i in $(seq 20); do mkdir ${seg} && cd ${seg}; done && echo 'Deep, said Jane.' > a.txt`,
      'deep',
      corpus,
    ]);
    const out = tempDir();
    try {
      const r = cli(['--input', corpus, '--output', out]);
      figure('path longer than PATH_MAX', r);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('[ingest/path-too-long]');
      expect(r.stderr).not.toContain(out);
      noStackTrace(r.stderr);
      expect(r.peakMb ?? 0).toBeLessThan(MAX_MB);
      expect(goodLines(out)).toEqual(cleanGood());
    } finally {
      execFileSync('rm', ['-rf', corpus]);
    }
  }, 120_000);

  it('a folder that cannot be listed: a message for it, the rest processed (a readdir that fails; chmod as nobody)', () => {
    const corpus = writeCorpus({ ...GOOD, 'locked/a.txt': 'Hidden away.' });
    const found = discover(corpus, {
      readdir: (dir) => {
        if (dir.endsWith('locked')) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return readdirSync(dir);
      },
    });
    expect(found.skipped).toEqual([{ path: 'locked/', reason: 'unreadable-folder', detail: 'EACCES', article: true }]);
    expect(found.articles.map((a) => a.path)).toEqual(['good/one.txt', 'good/two.md']);
    // the real thing where a user without rights can be had: root reads every folder
    const setpriv = spawnSync('setpriv', ['--version']).status === 0;
    if (process.getuid?.() !== 0 || !setpriv) return;
    // under /tmp itself: the test run's own temporary folder is closed to other users
    const corpusForAll = mkdtempSync('/tmp/robust-nobody-');
    cpSync(corpus, corpusForAll, { recursive: true });
    chmodSync(corpusForAll, 0o755);
    chmodSync(join(corpusForAll, 'locked'), 0o000);
    const out = mkdtempSync('/tmp/robust-nobody-out-');
    chmodSync(out, 0o777);
    const ROOT = new URL('../..', import.meta.url).pathname;
    const r = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        '--import',
        'tsx',
        join(ROOT, 'src/cli.ts'),
        '--input',
        corpusForAll,
        '--output',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: out, TMPDIR: out } },
    );
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('rejected locked/: [ingest/unreadable-folder]');
    expect(r.stderr).not.toContain('cannot write');
    noStackTrace(r.stderr);
    expect(goodLines(out)).toEqual(cleanGood());
    chmodSync(join(corpusForAll, 'locked'), 0o755);
    for (const d of [corpusForAll, out]) rmSync(d, { recursive: true, force: true });
  }, 120_000);
});

describe('robustness: control characters in names', () => {
  it('a file name with a newline and an escape cannot forge a line of the run output', () => {
    const forged = 'evil\nrejected one.txt: [ingest/empty] forged\u001b[2K\u202e.txt';
    const corpus = writeCorpus({ ...GOOD, [forged]: '' });
    const out = tempDir();
    const r = cli(['--input', corpus, '--output', out]);
    figure('control characters in a name', r);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2); // one rejected line, the summary
    expect(lines[0]).toBe(
      'rejected evil\\nrejected one.txt: [ingest/empty] forged\\u001b[2K\\u202e.txt: [ingest/empty] The file is empty: nothing to process. Remove it or fill it.',
    );
    // eslint-disable-next-line no-control-regex -- the control characters are what must not be there
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(goodLines(out)).toEqual(cleanGood());
    expect(manifestOf(out).inputs.find((i) => i.path === forged)?.status).toBe('rejected');
  }, 120_000);
});
