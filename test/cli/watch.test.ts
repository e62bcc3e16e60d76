import { spawn } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { readPdf } from '../helpers/readPdf.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-watch-');

/** Resolve when `pattern` has appeared `times` times in what the process printed. */
function waitFor(output: () => string, pattern: RegExp, times: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if ((output().match(new RegExp(pattern, 'g')) ?? []).length >= times) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 30_000) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${pattern}: ${output()}`));
      }
    }, 50);
  });
}

describe('brief build --watch', () => {
  it('re-renders when a template’s words change, and stops cleanly on SIGINT', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'templates'));
    await cp(join(ROOT, 'templates', 'executive'), join(dir, 'templates', 'executive'), {
      recursive: true,
    });
    await writeFile(
      join(dir, 'brief.yaml'),
      `title: Watched\nthemes: [diplomacy]\naudience: executive\ncorpus: ${join(ROOT, 'corpus')}\n`,
    );
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'dist', 'src', 'cli', 'main.js'),
        'build',
        'brief.yaml',
        '--watch',
        '--out',
        'out',
        '--as-of',
        '2026-11-23',
      ],
      { cwd: dir },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitFor(() => stdout, /watching/, 1);
      await writeFile(join(dir, 'templates', 'executive', 'footer.hbs'), 'Edited while watching\n');
      await waitFor(() => stdout, /wrote out/, 2);
      const pdf = await readPdf(join(dir, 'out', 'brief', 'brief-2026-11-23.pdf'));
      expect(pdf.text).toContain('Edited while watching');
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  });
});
