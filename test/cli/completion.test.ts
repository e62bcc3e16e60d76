import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_HELP, longFlag } from '../../src/cli/commandHelp.js';
import { COMMANDS } from '../../src/cli/index.js';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-completion-');

describe('brief completion bash', () => {
  let script: string;
  beforeAll(async () => {
    const result = await runBrief(['completion', 'bash']);
    expect(result.code).toBe(0);
    script = join(await tempDir(), 'brief.bash');
    await writeFile(script, result.stdout);
  });

  /** What bash offers after typing `words` (the last one being completed), from `cwd`. */
  const complete = (words: string[], cwd = ROOT): string[] => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const run = spawnSync(
      'bash',
      [
        '-c',
        `source '${script}'; COMP_WORDS=(brief ${quoted}); COMP_CWORD=${words.length}; _brief; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { cwd, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    return run.stdout.split('\n').filter((line) => line !== '');
  };

  it('is a script bash accepts', () => {
    const check = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('completes every command', () => {
    expect(complete([''])).toEqual(
      expect.arrayContaining([...COMMANDS.map((c) => c.name), '--help', '--version']),
    );
    expect(complete(['ex'])).toEqual(['explain']);
  });

  it("completes each command's flags", () => {
    for (const { name } of COMMANDS) {
      const flags = (COMMAND_HELP[name]?.flags ?? []).map(longFlag);
      expect(complete([name, '--']).sort(), name).toEqual([...flags, '--help'].sort());
    }
  });

  it('completes brief files for build and validate, and folders for --out', async () => {
    const project = await tempDir();
    await writeFile(join(project, 'weekly.yaml'), '');
    await writeFile(join(project, 'notes.txt'), '');
    expect(complete(['build', ''], project)).toEqual(['weekly.yaml']);
    expect(complete(['validate', 'w'], project)).toEqual(['weekly.yaml']);
    expect(complete(['build', 'briefs/'])).toEqual(
      expect.arrayContaining(['briefs/weekly-overview.yaml']),
    );
    expect(complete(['build', '--out', 'tem'])).toEqual(['templates']);
    expect(complete(['build', '--format', ''])).toEqual(['pdf', 'json', 'html']);
  });
});

describe('brief completion zsh', () => {
  it('prints a compdef script naming every command and its flags', async () => {
    const result = await runBrief(['completion', 'zsh']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#compdef brief\n/);
    for (const { name } of COMMANDS) {
      expect(result.stdout).toContain(`    '${name}:`);
      for (const flag of COMMAND_HELP[name]?.flags ?? [])
        expect(result.stdout).toMatch(
          new RegExp(`\\n {4}${name}\\) _arguments .*'${longFlag(flag)}\\[`),
        );
    }
    // zsh is not on every machine; where it is, it must accept the script.
    const zsh = spawnSync('zsh', ['-n'], { input: result.stdout, encoding: 'utf8' });
    if (zsh.error === undefined) expect(zsh.status, zsh.stderr).toBe(0);
  });

  it('refuses a shell it has no script for', async () => {
    const result = await runBrief(['completion', 'fish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no completion for "fish"');
    expect(result.stderr).toContain('usage: brief completion bash|zsh');
  });
});
