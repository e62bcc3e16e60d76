import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-corpus-cli-');

describe('brief corpus', () => {
  it('--json lists every document with its cluster, truncation flag and removed lines with reasons', async () => {
    const result = await runBrief(['corpus', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      documents: {
        id: string;
        canonical: boolean;
        cluster: string;
        truncated: boolean;
        removed: { line: number; text: string; reason: string }[];
      }[];
    };
    expect(report.documents).toHaveLength(5);
    const copy = report.documents.find((d) => d.id.startsWith('000'));
    expect(copy).toMatchObject({
      canonical: false,
      cluster: expect.stringMatching(/^001/) as string,
      truncated: true,
    });
    const removed = report.documents.flatMap((d) => d.removed);
    expect(removed.length).toBeGreaterThan(80);
    for (const line of removed) expect(line.reason).toMatch(/^[a-z-]+$/);
  });
  it('lists each article with its date (or "undated"), its source and the store it lives in', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'dated.md'),
      '---\ntitle: Rail link opens\npublished: 2026-11-20\nsource: Wire Service\n---\n\nThe rail link between Khasan and Rajin reopened on Friday after repairs, officials said.\n',
    );
    await writeFile(
      join(dir, 'plain.txt'),
      'Port reopens\n\nThe port of Rajin reopened on Monday after repairs to its pier, officials said.\n',
    );
    const store = join(await tempDir(), 'store.sqlite');
    const result = await runBrief(['corpus', '--corpus', dir], { env: { BRIEFGEN_STORE: store } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^dated {2}Rail link opens\n {4}2026-11-20 \(metadata\) · Wire Service · dated\.md/m,
    );
    expect(result.stdout).toMatch(/^plain {2}Port reopens\n {4}undated · plain\.txt/m);
    expect(result.stdout).toMatch(/2 documents \(0 copies of other stories\) in .*\.sqlite/);
  });
  it('show marks the removed lines of a page with their reasons', async () => {
    const result = await runBrief(['corpus', 'show', '003_5f1d78346f57acda']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- [before-title] Quick access to main page');
    expect(result.stdout).toContain('- [contact] content@viewusglobal.com');
    expect(result.stdout).toMatch(/^ {2}On Wednesday, the Korean Central News Agency reported/m);
  });
  it('suggests an id for an unknown document', async () => {
    const result = await runBrief(['corpus', 'show', '003_5f1d78346f57acdb']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "003_5f1d78346f57acda"?');
  });
});
