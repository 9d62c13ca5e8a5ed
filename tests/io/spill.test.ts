// The scratch file: records come back in order and whole, however large, as often as they are read.
import { describe, expect, it } from 'vitest';
import { Spill } from '../../src/io/spill.ts';

describe('Spill', () => {
  it('gives the records back in order, small, empty and larger than its buffers, read twice', () => {
    const spill = new Spill();
    const want: Buffer[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = i === 1500 ? 5 << 20 : i % 7 === 0 ? 0 : (i * 37) % 900;
      const b = Buffer.alloc(n, i % 251);
      if (n >= 4) b.writeUInt32LE(i, 0);
      want.push(b);
      spill.append(b);
    }
    expect(spill.count).toBe(3000);
    for (let pass = 0; pass < 2; pass++) {
      let k = 0;
      for (const r of spill.records()) {
        expect(r.equals(want[k]!), `record ${k}`).toBe(true);
        k++;
      }
      expect(k).toBe(3000);
    }
    spill.close();
  });

  it('reads nothing back when nothing went in', () => {
    const spill = new Spill();
    expect([...spill.records()]).toEqual([]);
    spill.close();
  });
});
