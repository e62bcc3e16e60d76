/**
 * Generate a large noisy corpus from the sample articles, for `npm run bench`:
 * `node dist/scripts/generateCorpus.js OUT_DIR [COUNT]`. Each document mixes paragraphs of two
 * sample articles, swaps words and figures so that no two documents are alike, and adds the
 * noise scraped pages carry (menus, banners, related lists); some are cut off mid-word.
 * Documents are Markdown with a published date in their front matter, spread over the two
 * years up to GENERATED_UNTIL and filed in one folder per month, as a scraper would keep them,
 * so a date window selects a realistic share. Deterministic: the same COUNT gives the same files.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../src/shared/packageInfo.js';

/** mulberry32: a small seeded PRNG, so generated corpora are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE_TOP = [
  'Home | World | Business | Opinion | Video',
  'We use cookies to improve your experience. Accept all | Settings',
  'Skip to main content',
];
const NOISE_BOTTOM = [
  'Share on Facebook | Share on X | Email',
  'Related stories',
  '  • Markets close higher as oil rallies',
  '  • Weather: storms expected this weekend',
  'Leave a comment',
  'Copyright 2026. All rights reserved.',
];

/** The last publication date of a generated corpus: benches build "as of" this day. */
export const GENERATED_UNTIL = '2026-11-23';
const SPAN_DAYS = 730;
const SOURCES = ['Wire Service', 'Daily Ledger', 'Northern Review', 'Harbour Times', 'Asia Desk'];

export async function generateCorpus(out: string, count: number): Promise<void> {
  const sampleDir = join(packageRoot, 'corpus');
  const samples = await Promise.all(
    (await readdir(sampleDir)).sort().map((f) => readFile(join(sampleDir, f), 'utf8')),
  );
  const paragraphs = samples.map((s) =>
    s
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.split(/\s+/).length > 12),
  );
  const vocabulary = [...new Set(samples.join(' ').match(/\p{Ll}{4,}/gu) ?? [])];
  const rand = random(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  await mkdir(out, { recursive: true });
  const folders = new Set<string>();
  for (let n = 0; n < count; n++) {
    const body = [...pick(paragraphs), ...pick(paragraphs)]
      .filter(() => rand() < 0.7)
      .map((p) =>
        p
          .replace(/\p{Ll}{4,}/gu, (w) => (rand() < 0.15 ? pick(vocabulary) : w))
          .replace(/\d+/g, () => String(Math.floor(rand() * 2000))),
      );
    const title = `Report ${n}: ${pick(vocabulary)} and ${pick(vocabulary)} in the region`;
    let text = [pick(NOISE_TOP), title, ...body, ...NOISE_BOTTOM.filter(() => rand() < 0.5)].join(
      '\n\n',
    );
    if (rand() < 0.05) text = text.slice(0, Math.floor(text.length * 0.6));
    const published = new Date(
      Date.parse(`${GENERATED_UNTIL}T00:00:00Z`) - Math.floor(rand() * SPAN_DAYS) * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    const folder = join(out, published.slice(0, 7));
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    const front = `---\ntitle: "${title}"\npublished: ${published}\nsource: ${pick(SOURCES)}\n---\n\n`;
    await writeFile(join(folder, `gen_${String(n).padStart(6, '0')}.md`), `${front}${text}\n`);
  }
}

if (process.argv[1]?.endsWith('generateCorpus.js')) {
  const [out, count] = process.argv.slice(2);
  if (!out) throw new Error('usage: node dist/scripts/generateCorpus.js OUT_DIR [COUNT]');
  await generateCorpus(out, Number(count ?? 5000));
}
