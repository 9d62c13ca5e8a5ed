// Streams dataset.jsonl one record at a time, so memory stays flat however large the dataset is.
import { closeSync, openSync, readSync } from 'node:fs';
import type { ArticleRecord } from '../schema.ts';

const CHUNK = 1 << 20;
const NL = 0x0a;

/** The lines of a file, without their '\n', read synchronously in 1 MB chunks; `n` is the 1-based line number. */
export function* datasetLines(path: string): Generator<{ line: string; n: number }> {
  // Lines are cut in the raw bytes and each is decoded once: a '\n' byte never occurs inside a UTF-8 multi-byte
  // sequence, so a cut there never splits a character. Decoding chunks first and splitting the strings (or
  // node:readline) costs about half as much again, which matters when the tables and the report must cost a
  // small fraction of the pipeline run.
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let len = 0; // bytes in buf not yet returned as lines
    let n = 0;
    for (;;) {
      if (len === buf.length) {
        // a line longer than the buffer: grow it
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const got = readSync(fd, buf, len, buf.length - len, null);
      const end = len + got;
      let from = 0;
      for (let nl = buf.indexOf(NL, len); nl !== -1 && nl < end; nl = buf.indexOf(NL, from)) {
        yield { line: buf.toString('utf8', from, nl), n: ++n };
        from = nl + 1;
      }
      if (got === 0) {
        if (from < end) yield { line: buf.toString('utf8', from, end), n: ++n };
        return;
      }
      buf.copy(buf, 0, from, end);
      len = end - from;
    }
  } finally {
    closeSync(fd);
  }
}

/** Yields the records of a dataset.jsonl file, line by line; a malformed line fails with its line number. */
export function* readDatasetSync(path: string): Generator<ArticleRecord> {
  for (const { line, n } of datasetLines(path)) {
    const record = parseLine(line, path, n);
    if (record) yield record;
  }
}

/** The same records as an async iterable, for callers that stream. */
export function readDataset(path: string): AsyncGenerator<ArticleRecord> {
  const records = readDatasetSync(path);
  return (async function* () {
    for (const r of records) yield await Promise.resolve(r);
  })();
}

/** One dataset line as a record; undefined for a blank line. */
export function parseLine(line: string, path: string, n: number): ArticleRecord | undefined {
  // a record line starts with '{'; only other lines need the blank test
  if (line.charCodeAt(0) !== 0x7b && line.trim() === '') return undefined;
  try {
    // The pipeline validated every record with zod before writing it; re-validating here would cost more
    // than writing all the tables, so the reader trusts the contract and only checks that the line parses.
    return JSON.parse(line) as ArticleRecord;
  } catch (err) {
    throw new Error(`${path}:${n}: not a JSON line (${(err as Error).message})`, { cause: err });
  }
}
