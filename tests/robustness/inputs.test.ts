// Every class of broken input a scraper batch meets: each gets its message id in the manifest, is rejected or
// processed with a note, and never stops the rest of the batch (the summary's rejected count is what makes the
// CLI exit 2; tests/robustness/determinism.test.ts checks that exit code through the CLI).
import {
  closeSync,
  mkdirSync,
  openSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  appendFileSync,
  ftruncateSync,
  chmodSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleReader, readArticleFile, readErrorMessage } from '../../src/io/read.ts';
import { ArticleRecordSchema } from '../../src/schema.ts';
import { cpSlice, runCorpus, spansOf, tempDir, writeCorpus, type RunResult } from './harness.ts';

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
const ARTICLE = 'Title: Budget vote\n\nThe vote would be close, said Senator Jane Smith.\n“We are ready,” she said.';
const HTML = `<html><head><title>Budget</title><script>globalThis.__pwned = 1</script></head>
<body onload="globalThis.__pwned = 2"><article><h1>Budget</h1>
<p>“We will cut taxes,” Governor Ann Lee said on Monday.</p>
<iframe src="javascript:globalThis.__pwned = 3"></iframe><img src="x" onerror="globalThis.__pwned = 4">
<script>document.write('INJECTED'); globalThis.__pwned = 5</script><a href="javascript:void(0)" onclick="steal()">Critics</a> said the plan was reckless.
</article></body></html>`;

let run: RunResult;
let outside: string;

beforeAll(() => {
  outside = writeCorpus({ 'secret.txt': 'SECRET outside the corpus, said Jane Smith.' });
  const corpus = writeCorpus({
    'ok.txt': ARTICLE,
    'empty.txt': '',
    'blank.txt': '  \n\t\r\n \u00a0 \n',
    'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    'paper.md': Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
    'archive.html': gzipSync(Buffer.from(ARTICLE)),
    'latin1.txt': Buffer.from('Caf\xe9 owners said the rent was too high.', 'latin1'),
    'damaged.txt': Buffer.from('Caf\xc3\xa9 owners said the rent was \x93too high.', 'latin1'),
    'utf16le-nobom.txt': Buffer.from(ARTICLE, 'utf16le'),
    'utf16be-nobom.txt': Buffer.from(ARTICLE, 'utf16le').swap16(),
    'spanish.txt':
      'La autoridad portuaria aprobó el lunes la ampliación de la terminal de contenedores, una obra de 120 millones de euros. "Es la inversión más importante del puerto en dos décadas", afirmó su presidenta, Carmen Ibáñez.',
    'utf16le.txt': utf16le(ARTICLE),
    'utf16be.txt': utf16be(ARTICLE),
    'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]),
    'crlf.txt': ARTICLE.replace(/\n/g, '\r\n'),
    'cr.txt': ARTICLE.replace(/\n/g, '\r'),
    'quotes.txt':
      '“He said “nested” words,” she said. ‘Single ‘inside’ too’, Jane Smith said.\n“Unbalanced ” ” ” close marks.\n« Open guillemet never closes, said Paul Lee.\n"Open straight quote that never closes\n\nA new paragraph, said Jane Smith.',
    // 100,000 marks in one paragraph ('"a" ' repeated is quadratic in the quote stage: see docs/robustness.md)
    // (with a word before them: a text of marks alone has no word and is rejected as ingest/no-words)
    'marks.txt': `Jane said: ${'" '.repeat(45_000)}`, // 90,000 tokens: as many as the default limit admits
    'russian.txt': 'Президент Владимир Путин заявил: «Мы победим», — сказал он журналистам.',
    'chinese.txt': '习近平说：“我们将继续改革开放。”他在北京对记者说。',
    'arabic.txt': 'قال الرئيس إن "الخطة ستنجح" في العام المقبل.',
    'mixed.txt':
      'Angela Merkel sagte: „Wir schaffen das.“ 😀 The 👩‍👩‍👧 family said “😀 is fine,” according to Jane Smith.',
    'page.html': HTML,
    'a/dup.md': 'Jane said so in the markdown version.',
    'a/dup.txt': 'Jane said so in the text version.',
  });
  // 50 MB: above the default limits.maxBytes (20 MB), refused before a byte of it is read
  const fd = openSync(join(corpus, 'huge.txt'), 'w');
  ftruncateSync(fd, 50_000_000);
  closeSync(fd);
  symlinkSync(join(outside, 'secret.txt'), join(corpus, 'escape.txt'));
  symlinkSync('..', join(corpus, 'up'));
  run = runCorpus(corpus);
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
}, 60_000);

describe('robustness: broken inputs never stop the batch', () => {
  it('processes the good article and counts the rejected ones (exit 2)', () => {
    expect(run.entry('ok.txt').status).toBe('ok');
    expect(run.summary.rejected).toBeGreaterThan(0);
    expect(run.manifest.counts.inputs).toBe(run.manifest.inputs.length);
  });

  it('rejects an empty file', () => expect(run.ids('empty.txt')).toEqual(['ingest/empty']));

  it('rejects a whitespace-only file', () => {
    expect(run.entry('blank.txt').status).toBe('rejected');
    expect(run.ids('blank.txt')).toContain('ingest/whitespace-only');
  });

  it.each([
    ['image.txt', 'PNG image'],
    ['paper.md', 'PDF document'],
    ['archive.html', 'gzip archive'],
  ])('rejects binary %s, naming what it is', (path, kind) => {
    const e = run.entry(path);
    expect(e.status).toBe('rejected');
    expect(e.messages.map((m) => m.id)).toEqual(['ingest/binary']);
    expect(e.messages[0]!.text).toContain(kind);
  });

  it('reads a legacy windows-1252 text file, saying which encoding it assumed', () => {
    const e = run.entry('latin1.txt');
    expect(e.status).toBe('ok');
    expect(e.messages[0]!.id).toBe('ingest/decoded-legacy');
    expect(e.messages[0]!.text).toContain('windows-1252');
    expect(run.records.get('latin1.txt')!.text).toBe('Café owners said the rent was too high.');
  });

  it('rejects damaged UTF-8, naming the byte and its offset', () => {
    const e = run.entry('damaged.txt');
    expect(e.status).toBe('rejected');
    expect(e.messages[0]!.id).toBe('ingest/invalid-encoding');
    expect(e.messages[0]!.text).toContain('0x93 at offset 31');
  });

  it('processes an article clearly not in English, with a warning naming the language', () => {
    const e = run.entry('spanish.txt');
    expect(e.status).toBe('ok');
    expect(e.messages.find((m) => m.id === 'ingest/not-english')?.text).toContain('spa');
    expect(run.entry('ok.txt').messages.map((m) => m.id)).not.toContain('ingest/not-english');
  });

  it.each(['utf16le-nobom.txt', 'utf16be-nobom.txt'])('reads %s, saying it assumed UTF-16', (path) => {
    expect(run.records.get(path)!.text).toBe(run.records.get('ok.txt')!.text);
    expect(run.ids(path)).toContain('ingest/decoded-legacy');
  });

  it.each(['utf16le.txt', 'utf16be.txt', 'bom.txt', 'crlf.txt', 'cr.txt'])(
    'reads %s exactly like the plain UTF-8 file',
    (path) => {
      const plain = run.records.get('ok.txt')!;
      const r = run.records.get(path)!;
      expect(r.text).toBe(plain.text);
      expect(r.meta).toEqual(plain.meta); // the header block is read whatever the line ends
      expect(r.quotes).toEqual(plain.quotes);
      if (path.startsWith('utf16') || path === 'bom.txt') expect(run.ids(path)).toContain('ingest/bom');
    },
  );

  it('rejects a 50 MB file by limits.maxBytes, naming the size and the limit', () => {
    const e = run.entry('huge.txt');
    expect(e.messages.map((m) => m.id)).toEqual(['ingest/too-large']);
    expect(e.messages[0]!.text).toContain('50000000 bytes');
    expect(e.messages[0]!.text).toContain('20000000');
  });

  it('keeps nested, unbalanced and unclosed quotes as valid spans, warning about marks that never close', () => {
    const r = run.records.get('quotes.txt')!;
    expect(run.ids('quotes.txt')).toContain('quotes/unclosed-mark');
    for (const s of spansOf(r)) expect(cpSlice(r.text, s.start, s.end)).toBe(s.text);
  });

  it('handles 45,000 quotation marks', () => {
    const r = run.records.get('marks.txt')!;
    expect(ArticleRecordSchema.safeParse(r).success).toBe(true);
    for (const s of spansOf(r)) expect(cpSlice(r.text, s.start, s.end)).toBe(s.text);
  });

  it.each(['russian.txt', 'chinese.txt', 'arabic.txt', 'mixed.txt'])(
    'processes %s in another language or script with valid spans',
    (path) => {
      const r = run.records.get(path)!;
      expect(run.entry(path).status).toBe('ok');
      expect(r.text.length).toBeGreaterThan(0);
      for (const s of spansOf(r)) expect(cpSlice(r.text, s.start, s.end)).toBe(s.text);
    },
  );

  it('never executes HTML scripts, iframes or event handlers, and keeps them out of the text', () => {
    const r = run.records.get('page.html')!;
    expect(r.text).toContain('We will cut taxes');
    expect(r.text).not.toMatch(/pwned|INJECTED|javascript|onerror|onclick|steal|<script|<iframe/);
    expect(run.ids('page.html')).toContain('ingest/html-unsafe-removed');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('does not follow a symbolic link out of the corpus, and says so', () => {
    expect(run.ids('escape.txt')).toEqual(['ingest/symlink-not-followed']);
    expect(run.entry('escape.txt').status).toBe('rejected');
    expect(run.ids('up')).toEqual(['ingest/symlink-not-followed']); // a link to a folder (here: the parent)
    for (const r of run.records.values()) expect(r.text).not.toContain('SECRET');
  });

  it('keeps the id for the path that sorts first and rejects the other, naming both (library level)', () => {
    expect(run.entry('a/dup.md').status).toBe('ok');
    const dup = run.entry('a/dup.txt');
    expect(dup.status).toBe('rejected');
    expect(dup.messages[0]!.id).toBe('ingest/duplicate-id');
    expect(dup.messages[0]!.text).toContain('a/dup.md');
    expect(dup.messages[0]!.text).toContain('a/dup.txt');
  });
});

describe('robustness: the file system misbehaving', () => {
  it('never reads a path that leads outside the corpus (".." or a folder swapped for a link)', () => {
    const root = writeCorpus({ 'in.txt': 'Inside.' });
    const other = writeCorpus({ 'x.txt': 'SECRET' });
    const read = articleReader({ root });
    expect(read(join(root, 'in.txt'))).toHaveProperty('bytes');
    const viaDots = read(join(root, '..', other.split('/').pop()!, 'x.txt'));
    expect('error' in viaDots && viaDots.error.id).toBe('ingest/outside-corpus');
    mkdirSync(join(root, 'sub'));
    symlinkSync(other, join(root, 'sub', 'link'));
    const viaLink = read(join(root, 'sub', 'link', 'x.txt'));
    expect('error' in viaLink && viaLink.error.id).toBe('ingest/outside-corpus');
  });

  it('runs a corpus named with ".." to the same ids', () => {
    const root = writeCorpus({ 'sub/a.txt': 'Jane Smith said the plan would fail.' });
    const r = runCorpus(join(root, 'sub', '..'));
    expect(r.entry('sub/a.txt').status).toBe('ok');
    expect([...r.records.values()][0]!.id).toBe('sub/a');
  });

  it('reports an unreadable file (permission denied) and goes on', () => {
    // as root (CI containers) chmod 000 does not stop reads, so the reader is injected for the batch part
    const corpus = writeCorpus({ 'locked.txt': 'Locked away.', 'ok.txt': 'Jane Smith said the plan would fail.' });
    const real = articleReader({ root: corpus });
    const r = runCorpus(
      corpus,
      {},
      {
        reader: (abs) =>
          abs.endsWith('locked.txt')
            ? { error: readErrorMessage(Object.assign(new Error('denied'), { code: 'EACCES' })) }
            : real(abs),
      },
    );
    expect(r.ids('locked.txt')).toEqual(['ingest/unreadable']);
    expect(r.entry('locked.txt').messages[0]!.text).toContain('permission denied');
    expect(r.entry('ok.txt').status).toBe('ok');
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a chmod 000 file as unreadable (skipped as root: root reads it anyway)',
    () => {
      const corpus = writeCorpus({ 'locked.txt': 'Locked away.' });
      chmodSync(join(corpus, 'locked.txt'), 0o000);
      const r = readArticleFile(join(corpus, 'locked.txt'), { root: corpus });
      expect('error' in r && r.error.id).toBe('ingest/unreadable');
    },
  );

  it('reports a file that vanishes before it is read, and goes on', () => {
    const corpus = writeCorpus({ 'gone.txt': 'Soon gone.', 'ok.txt': 'Jane Smith said the plan would fail.' });
    const real = articleReader({ root: corpus });
    const r = runCorpus(
      corpus,
      {},
      {
        reader: (abs) => {
          if (abs.endsWith('gone.txt')) unlinkSync(abs); // deleted between discovery and reading
          return real(abs);
        },
      },
    );
    expect(r.ids('gone.txt')).toEqual(['ingest/vanished']);
    expect(r.entry('ok.txt').status).toBe('ok');
  });

  it('reports a file that changes while it is read, never half-read bytes', () => {
    const corpus = writeCorpus({ 'growing.txt': 'First version of the text.' });
    const abs = join(corpus, 'growing.txt');
    const r = readArticleFile(abs, {
      root: corpus,
      afterOpen: () => appendFileSync(abs, ' And a second half written meanwhile.'),
    });
    expect('error' in r && r.error.id).toBe('ingest/vanished');
    expect('error' in r && r.error.text).toContain('changed while it was read');
  });

  it('reports a file replaced by a symbolic link after discovery instead of following it', () => {
    const corpus = writeCorpus({ 'swapped.txt': 'Original.' });
    const other = writeCorpus({ 'secret.txt': 'SECRET' });
    const abs = join(corpus, 'swapped.txt');
    unlinkSync(abs);
    symlinkSync(join(other, 'secret.txt'), abs);
    const r = readArticleFile(abs, { root: corpus });
    expect('error' in r && r.error.id).toBe('ingest/vanished');
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('refuses a file above limits.maxBytes before reading it, and reads one within a raised limit', () => {
    const corpus = tempDir();
    writeFileSync(join(corpus, 'big.txt'), 'word '.repeat(2_000)); // 10 KB
    const small = readArticleFile(join(corpus, 'big.txt'), { root: corpus, maxBytes: 4_096 });
    expect('error' in small && small.error.id).toBe('ingest/too-large');
    expect(readArticleFile(join(corpus, 'big.txt'), { root: corpus, maxBytes: 20_000 })).toHaveProperty('bytes');
  });
});
