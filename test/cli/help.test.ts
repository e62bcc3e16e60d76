import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/index.js';
import { runBrief } from '../helpers/cli.js';

/** `--out` and `--dry-run` from `brief run --due [--dry-run] [--out DIR]`. */
const flagsIn = (text: string) => new Set(text.match(/--[a-z][a-z-]*/g) ?? []);

describe('brief <command> --help', () => {
  it.each(COMMANDS.map((c) => c.name))(
    '%s --help lists each flag with a description, an example and the exit codes',
    async (name) => {
      const result = await runBrief([name, '--help']);
      expect(result.code).toBe(0);
      const usage = /^Usage: (.*)$/m.exec(result.stdout)?.[1] ?? '';
      expect(usage).toMatch(new RegExp(`^brief ${name}\\b`));
      const flagLines = /\nFlags:\n((?: {2}.*\n)+)/.exec(result.stdout)?.[1]?.split('\n') ?? [];
      for (const flag of [...flagsIn(usage), '--help']) {
        const line = flagLines.find((l) => new RegExp(`^ {2}(-[a-z], )?${flag}\\b`).test(l));
        expect(line, `${name}: ${flag}`).toMatch(/\S {2,}[a-z$].{8,}$/);
      }
      for (const line of flagLines.filter((l) => l !== ''))
        for (const flag of flagsIn(line.trim().split(/ {2,}/)[0] ?? ''))
          expect([...flagsIn(usage), '--help'], `${name}: ${flag} is not in the usage`).toContain(
            flag,
          );
      expect(result.stdout).toMatch(new RegExp(`\\nExamples:\\n {2}.*brief ${name}\\b`));
      expect(result.stdout).toMatch(/\nExit codes:\n {2}0 {2}\S.*\n( {2}[12] {2}\S.*\n)+/);
    },
  );

  it('brief help <command> shows the same page', async () => {
    const [viaHelp, viaFlag] = await Promise.all([
      runBrief(['help', 'build']),
      runBrief(['build', '--help']),
    ]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
  });

  it('brief --help names every command and how to get a command’s help', async () => {
    const result = await runBrief(['--help']);
    expect(result.code).toBe(0);
    for (const { name } of COMMANDS)
      expect(result.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(result.stdout).toContain('brief <command> --help');
  });
});
