// The command's inputs beyond a folder (standard input, files, globs, bad names), its config lookup and its
// informational options (--print-config, --version, --help).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/config.ts';
import { ROOT, cli, run } from './spawn.ts';

const html = `<!doctype html><html><head><title>Vote</title></head><body><article>
<p>“We are ready for the vote,” said Senator Jane Smith on Tuesday.</p>
<p>John Brown told reporters that the plan would fail.</p></article></body></html>`;

const records = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; source: { path: string; format: string }; quotes: unknown[] });

describe('quote-pipeline inputs', () => {
  it('reads one article from standard input, its format sniffed or given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stdin-'));
    const sniffed = await cli(['-', '-o', '-'], dir, html);
    expect(sniffed.code, sniffed.stderr).toBe(0);
    const [r] = records(sniffed.stdout);
    expect(r).toMatchObject({ id: 'stdin', source: { path: 'stdin.html', format: 'html' } });
    expect(r!.quotes.length).toBeGreaterThan(0);
    const asText = await cli(['-', '--format', 'text', '-o', '-'], dir, html);
    expect(records(asText.stdout)[0]!.source).toMatchObject({ path: 'stdin.txt', format: 'text' });
  });

  it('refuses a missing input, a glob that matches nothing and --check with --output - (exit 1, nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-in-'));
    for (const args of [['nope.txt'], ['feeds/**/*.html'], ['--check', '-o', '-']]) {
      const r = await cli([...args, '-o', args.includes('-o') ? '-' : 'out'], dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--print-config prints the effective config: the shipped file, the defaults, or --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'print-'));
    const [atRoot, elsewhere] = await Promise.all([cli(['--print-config'], ROOT), cli(['--print-config'], dir)]);
    expect(JSON.parse(atRoot.stdout)).toEqual(defaultConfig());
    expect(JSON.parse(elsewhere.stdout)).toEqual(defaultConfig());
    expect(atRoot.stderr).toMatch(/config: pipeline\.config\.json/);
    expect(elsewhere.stderr).toMatch(/built-in defaults/);
    writeFileSync(join(dir, 'c.json'), '{ "$schema": "x", "quotes": { "minConfidence": 0.9 } }');
    const given = await cli(['--print-config', '--config', 'c.json'], dir);
    expect((JSON.parse(given.stdout) as Config).quotes.minConfidence).toBe(0.9);
  });

  it('reports every problem of a bad config at once, with a suggestion for a misspelt key (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'badconf-'));
    writeFileSync(
      join(dir, 'pipeline.config.json'),
      '{ "quotes": { "minConfidance": 0.5, "indirect": 3 }, "limts": {} }',
    );
    const r = await cli(['--print-config'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 problems');
    expect(r.stderr).toContain('quotes.minConfidance: unknown key; did you mean "quotes.minConfidence"?');
    expect(r.stderr).toContain('quotes.indirect:');
    expect(r.stderr).toContain('limts: unknown key; did you mean "limits"?');
  });

  it('--version prints the package version; --help lists the exit codes', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; name: string };
    expect((await cli(['--version'], ROOT)).stdout.trim()).toBe(pkg.version);
    const help = await cli(['--help'], ROOT);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: ${pkg.name}`);
    expect(help.stdout).toMatch(
      /Exit codes:[\s\S]*0 {2}every article[\s\S]*1 {2}the run itself failed[\s\S]*2 {2}[\s\S]*3 {2}--check/,
    );
  });

  it('every npm script of the project answers --help with its usage and exit codes, and does nothing else', async () => {
    const scripts = ['tables', 'report', 'eval', 'merge', 'docs:config'];
    const before = readFileSync(join(ROOT, 'output/dataset.jsonl'));
    const helps = await Promise.all(scripts.map((s) => run('npm', ['run', '-s', s, '--', '--help'], ROOT)));
    helps.forEach((r, i) => {
      const s = scripts[i]!;
      expect(r.code, `${s}: ${r.stderr}`).toBe(0);
      expect(r.stdout, s).toMatch(/Usage:/);
      expect(r.stdout, s).toMatch(/Exit codes:\n\s+0 /);
    });
    expect(readFileSync(join(ROOT, 'output/dataset.jsonl')).equals(before)).toBe(true);
  });
});
