import { loadTaxonomy, scorePassage, tokenize } from './src/analysis/index.js';
const t = (await loadTaxonomy()).find((x) => x.id === 'labour-and-sanctions')!;
const s =
  'Thousands of North Korean labourers have quietly returned to construction sites in the Russian Far East, according to satellite imagery and interviews with recruiters.';
console.log(scorePassage(s, t));
console.log(t.terms.filter((x) => x.term.startsWith('labour')).map((x) => x.shape));
console.log(tokenize(s).find((x) => x.norm.startsWith('labour')));
