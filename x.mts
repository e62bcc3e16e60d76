import { loadCorpus } from './src/corpus/index.js';
import { readGold } from './scripts/evaluate.js';
const g = await readGold('test/fixtures/devset/devset-gold.yaml');
const c = await loadCorpus('test/fixtures/devset/corpus');
const by = new Map(c.documents.map((d) => [d.file, d]));
for (const [f, ms] of Object.entries(g.boilerplate_markers)) {
  const d = by.get(f);
  if (!d) continue;
  for (const m of ms) if (d.text.includes(m)) console.log('LEFT', f, m);
}
for (const [f, ms] of Object.entries(g.body_markers)) {
  const d = by.get(f);
  if (!d) continue;
  for (const m of ms)
    if (!d.text.includes(m))
      console.log(
        'LOST',
        f,
        m,
        JSON.stringify(d.removed.filter((r) => r.text.includes(m.slice(0, 20)))),
      );
}
for (const gd of g.documents) {
  const d = by.get(gd.file);
  if (d && d.title !== gd.title) console.log('TITLE', gd.file, '|', d.title);
  if (d && d.truncated !== Boolean(gd.truncated)) console.log('TRUNC', gd.file, d.truncated);
}
