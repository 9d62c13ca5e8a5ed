// A lock's holder is live only while its process runs: a holder that exited counts as dead even before its parent
// reaps it (a zombie keeps its pid, and signal 0 still reaches it).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { holderAlive } from '../../src/io/lock.ts';

const state = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

describe.skipIf(process.platform !== 'linux')('lock holders', () => {
  it('a running process holds; the same process exited and not yet reaped does not', async () => {
    // the shell starts a sleeper, then becomes `sleep 5`, which never reaps it: killed, the sleeper stays a zombie
    const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(Number(d))));
    try {
      const holder = { pid, host: hostname(), start: state(pid)[19] };
      expect(holderAlive(holder)).toBe(true);
      execFileSync('kill', ['-9', String(pid)]);
      for (let i = 0; i < 100 && state(pid)[0] !== 'Z'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(state(pid)[0]).toBe('Z');
      expect(holderAlive(holder)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
