import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NO_CLUSTER,
  clusterAt,
  compileClusters,
  fineCluster,
  parseClusterFile,
} from '../../../src/stages/entities/tagger/clusters.ts';
import { extractStatic } from '../../../src/stages/entities/tagger/features.ts';
import { compileGazetteer } from '../../../src/stages/entities/tagger/gazetteer.ts';
import { hashString } from '../../../src/stages/entities/tagger/hash.ts';
import { dataUrl } from '../../../src/lexicon/load.ts';
import { loadNerModel } from '../../../src/stages/entities/tagger/index.ts';

const FILE = '0 1 2 paris berlin oslo\n1 1 2 london\n2 0 3 smith jones\n';

describe('word clusters', () => {
  const c = compileClusters(parseClusterFile(FILE));
  it('finds the fine, mid and coarse cluster of a word by the hash of its lower-cased form', () => {
    expect(fineCluster(c, hashString('berlin'))).toBe(0);
    expect(fineCluster(c, hashString('london'))).toBe(1);
    expect(fineCluster(c, hashString('jones'))).toBe(2);
    expect(clusterAt(c, 1, 1)).toBe(1);
    expect(clusterAt(c, 2, 1)).toBe(0);
    expect(clusterAt(c, 2, 2)).toBe(3);
  });
  it('gives NO_CLUSTER to an unknown word at every level', () => {
    const f = fineCluster(c, hashString('zyxwv'));
    expect(f).toBe(NO_CLUSTER);
    expect(clusterAt(c, f, 2)).toBe(NO_CLUSTER);
  });
  it('makes words of one cluster share their cluster features', () => {
    const gaz = compileGazetteer({});
    const keys = (w: string, withClusters = true) => {
      const sf = extractStatic([{ value: w, pos: 'PROPN' }], gaz, withClusters ? c : undefined);
      return new Set(sf.keys.slice(0, sf.counts[0]));
    };
    const shared = (a: Set<number>, b: Set<number>) => [...a].filter((k) => b.has(k)).length;
    // Same fine cluster > same mid and coarse cluster > no cluster at all.
    expect(shared(keys('Paris'), keys('Berlin'))).toBeGreaterThan(shared(keys('Paris'), keys('London')));
    expect(shared(keys('Paris'), keys('London'))).toBeGreaterThan(shared(keys('Paris'), keys('Smith')));
    expect(keys('Paris').size).toBeGreaterThan(keys('Paris', false).size);
  });
  it('shipped: the cluster file holds every fine cluster once, and the model carries its clusters', () => {
    const text = fs.readFileSync(dataUrl('clusters/word-clusters.txt'), 'utf8');
    const ids = text
      .trim()
      .split('\n')
      .map((l) => Number(l.split(' ')[0]));
    expect(ids).toEqual(ids.map((_, i) => i));
    const model = loadNerModel();
    expect(model.clusters).toBeDefined();
    const lists = parseClusterFile(text);
    for (const w of ['london', 'reuters', 'minister'])
      expect(fineCluster(model.clusters!, hashString(w))).toBe(fineCluster(compileClusters(lists), hashString(w)));
  });
});
