import type { Candidate } from './candidates.js';

/** Share of distinct word stems two sentences have in common (Jaccard). */
export function similarity(a: Candidate, b: Candidate): number {
  const x = stemSet(a);
  const y = stemSet(b);
  let shared = 0;
  for (const stem of x) if (y.has(stem)) shared++;
  return shared / (x.size + y.size - shared || 1);
}

const stemSets = new WeakMap<Candidate, Set<string>>();
function stemSet(candidate: Candidate): Set<string> {
  let set = stemSets.get(candidate);
  if (!set) {
    set = new Set(candidate.tokens.filter((t) => t.norm.length > 3).map((t) => t.key));
    stemSets.set(candidate, set);
  }
  return set;
}
