import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-formats-');

const devset = join(ROOT, 'test', 'fixtures', 'devset', 'corpus');

describe('formats', async () => {
  const corpus = await loadCorpus(devset);
  const doc = (file: string) => corpus.documents.find((d) => d.file === file);

  it('reads Markdown front matter: title, url, source, published date', () => {
    expect(doc('d16_fertiliser.md')).toMatchObject({
      title: 'Russia to supply fertiliser to North Korean farms',
      url: 'https://example.org/news/russia-fertiliser-dprk',
      source: 'Example Agri Wire',
      published: '2025-04-08',
    });
    expect(doc('d16_fertiliser.md')?.text).not.toContain('Subscribe to Agri Wire');
  });
  it('extracts the article of an HTML page, without its menu, cookie banner or related links', () => {
    const page = doc('d17_coal_page.html');
    expect(page?.title).toBe('North Korea resumes coal exports to Russia');
    expect(page?.text).toContain('North Korea has resumed coal exports to Russia');
    expect(page?.text).not.toMatch(/cookies|Rajin port expands|Home \|/);
    expect(page?.byline).toBe('Sam Carter');
  });
  it('reads each JSONL record as a document named <file>#<line>', () => {
    expect(doc('d18_export.jsonl#2')).toMatchObject({ id: 'd18_export#2', title: 'North Korean restaurant chain expands in Vladivostok', published: '2025-10-15' });
    expect(doc('d18_export.jsonl#2')?.text).not.toContain('Book your table');
  });
  it('detects a Russian-language article', () => {
    expect(doc('d10_russian.txt')?.language).toBe('ru');
  });
});

describe('bad files and sidecars', () => {
  it('warns on an invalid JSONL line, a record without text, invalid JSON and an oversized file, and uses the rest', async () => {
    const dir = await tempDir();
    const record = (title: string) => JSON.stringify({ title, text: 'The ministry said on Monday that exports of grain rose sharply this year.' });
    await writeFile(join(dir, 'export.jsonl'), `${record('One')}\n{not json\n${JSON.stringify({ title: 'No text' })}\n${record('Four')}\n`);
    await writeFile(join(dir, 'broken.json'), '[{"title": "x", ');
    await writeFile(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['export.jsonl#1', 'export.jsonl#4']);
    expect(corpus.warnings.map((w) => w.file).sort()).toEqual(['broken.json', 'export.jsonl:2', 'export.jsonl:3', 'huge.txt']);
    expect(corpus.warnings.find((w) => w.file === 'huge.txt')?.message).toMatch(/larger than/);
  });
  it('keeps the whole text of a record without a title as body', async () => {
    const dir = await tempDir();
    const text = 'Officials said on Monday that the new grain terminal at the port would open in the spring.';
    await writeFile(join(dir, 'export.json'), JSON.stringify([{ text }]));
    const corpus = await loadCorpus(dir);
    expect(corpus.documents[0]?.text).toBe(text);
    expect(corpus.documents[0]?.title).toMatch(/^Officials said on Monday .*…$/);
  });
  it('takes url, source and published date from a manifest.yaml beside the files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'Grain deal extended\n\nThe two governments agreed on Friday to extend the grain corridor for a year.\n');
    await writeFile(join(dir, 'manifest.yaml'), 'files:\n  a.txt: {url: "https://example.org/a", source: Example Wire, published: 2025-03-01}\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.documents).toHaveLength(1);
    expect(corpus.documents[0]).toMatchObject({ url: 'https://example.org/a', source: 'Example Wire', published: '2025-03-01' });
  });
});
