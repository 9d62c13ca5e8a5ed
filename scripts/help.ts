// --help for the npm scripts that take no option parser of their own: prints what the script does, its usage
// and its exit codes, and exits 0 before the script does anything.

/** The usual exit codes of a script: done, or failed with a message. */
export const SCRIPT_EXITS = ['0  done', '1  failed (the reason on stderr)'];

/** When the command line asks for help (--help or -h), prints it and exits 0. */
export function scriptHelp(name: string, summary: string, usage: string[], exits: string[] = SCRIPT_EXITS): void {
  const args = process.argv.slice(2);
  if (!args.includes('--help') && !args.includes('-h')) return;
  const lines = [
    `Usage: npm run ${name}${usage.length ? ' -- ' : ''}${usage[0] ?? ''}`,
    ...usage.slice(1).map((u) => `       npm run ${name} -- ${u}`),
    '',
    summary,
    '',
    'Exit codes:',
    ...exits.map((e) => `  ${e}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}
