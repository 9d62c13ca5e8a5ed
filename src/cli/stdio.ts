// Standard input and output for the command line: one article read whole from stdin, and the dataset written to
// stdout as JSON lines (`--output -`), synchronously, so that a slow reader slows the run instead of the lines
// piling up in memory, and nothing but records ever reaches stdout.
import { writeSync } from 'node:fs';
import type { OutputSink } from '../outputs/sink.ts';

/** Reads standard input to its end. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Standard output was closed before every record was written (`| head`). */
export class StdoutClosed extends Error {}

const sleep = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `text` to a file descriptor, waiting while a non-blocking pipe is full. */
export function writeAllSync(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < buf.length) {
    try {
      at += writeSync(fd, buf, at, buf.length - at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(sleep, 0, 0, 2);
      else if (code === 'EPIPE') throw new StdoutClosed('standard output was closed before every record was written');
      else throw err;
    }
  }
}

/** The dataset as JSON lines on a file descriptor (1: stdout), in the order the run hands them over; the schema,
 * manifest and every other file are not written. */
export class StreamSink implements OutputSink {
  constructor(private readonly fd = 1) {}
  openDataset(): void {}
  appendDataset(line: string): void {
    writeAllSync(this.fd, line);
  }
  writeFile(): void {}
  commit(): void {}
  abort(): void {}
}
