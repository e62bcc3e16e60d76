import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, runBrief } from '../helpers/cli.js';
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
  it('names each article’s language, the paragraphs quoted in another, and the count per language', async () => {
    const corpus = join(ROOT, 'test', 'fixtures', 'languages', 'corpus');
    const env = { BRIEFGEN_STORE: join(await tempDir(), 'store.sqlite') };
    const result = await runBrief(['corpus', '--corpus', corpus], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {4}undated · mixed-en-ru\.txt · .* · en, 1 paragraph ru$/m);
    expect(result.stdout).toMatch(/^ {4}undated · ko-bridge\.txt · .* · ko$/m);
    expect(result.stdout).toMatch(/^languages: de 2, en 2, ar 1, cs 1, .*ru 1, zh 1$/m);
    const shown = await runBrief(['corpus', 'show', 'mixed-en-ru', '--corpus', corpus], { env });
    expect(shown.stdout).toMatch(/^ {2}\[ru\] «Мы продолжим/m);
    const json = await runBrief(['corpus', '--json', '--corpus', corpus], { env });
    const report = JSON.parse(json.stdout) as {
      documents: { id: string; language: string; paragraphLanguages: Record<string, number> }[];
    };
    expect(report.documents.find((d) => d.id === 'mixed-en-ru')).toMatchObject({
      language: 'en',
      paragraphLanguages: { en: 2, ru: 1 },
    });
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
