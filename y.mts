import { loadCorpus } from './src/corpus/index.js';
import { loadTaxonomy } from './src/analysis/index.js';
import { assembleBrief } from './src/brief/index.js';
const c = await loadCorpus('test/fixtures/devset/corpus');
const t = await loadTaxonomy();
for (const id of ['energy-and-resources', 'labour-and-sanctions', 'military-and-security']) {
  const m = assembleBrief(
    {
      file: 'x',
      id: 'x',
      title: 'x',
      audience: 'analyst',
      themes: t.filter((x) => x.id === id),
      window: 'all',
      limits: { excerpts_per_theme: 5, sentences_per_excerpt: 1, facts: 200, key_points: 4 },
    },
    c,
    { asOf: '2026-11-22' },
  );
  console.log('##', id);
  for (const k of m.keyPoints) console.log('  K', k.docId.slice(0, 3), k.text.slice(0, 110));
  for (const e of m.sections[0].excerpts)
    console.log(
      '  E',
      e.docId.slice(0, 3),
      e.score,
      e.matchedTerms.join(','),
      '|',
      e.text.slice(0, 100),
    );
}
