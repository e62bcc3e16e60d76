import { loadCorpus } from './src/corpus/index.js';
import { loadBrief, assembleBrief } from './src/brief/index.js';
import { loadTaxonomy } from './src/analysis/index.js';
const corpus = await loadCorpus('corpus');
for (const f of process.argv.slice(2)) {
  const spec = await loadBrief(f, { taxonomy: await loadTaxonomy(), templates: ['analyst'] });
  const m = assembleBrief(spec, corpus, { asOf: '2026-11-22' });
  for (const s of m.sections) {
    console.log('##', s.label);
    for (const e of s.excerpts)
      console.log(
        `  [${e.citation}] ${e.score} ${e.matchedTerms.join(',')} | ${e.text.slice(0, 150)}`,
      );
  }
  for (const x of m.facts) console.log('  F', x.kind, x.value, '|', x.text);
  console.log(m.sources.map((s) => `${s.citation} ${s.title}`));
}
