import { distance } from 'fastest-levenshtein';

/** Lower-case, punctuation and separators folded to single spaces: `Labour-and_Sanctions` → `labour and sanctions`. */
export function normaliseName(value: string): string {
  return value
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The closest candidate to `input`, if it is close enough to be what the user meant. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normaliseName(input);
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = distance(wanted, normaliseName(candidate));
    if (best === undefined || score < best.score) best = { candidate, score };
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  return best.score <= allowed ? best.candidate : undefined;
}
