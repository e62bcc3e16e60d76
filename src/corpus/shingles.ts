/**
 * 5-word shingles: the evidence that two articles are copies of one story. The store's
 * duplicate index (src/store/duplicateIndex.ts) samples them as fingerprints.
 */

/**
 * Two documents are copies of one story when at least this share of the shorter one's
 * 5-word shingles appears in the longer one. Containment (not Jaccard) is used so that a
 * truncated copy still matches the full one. On real pages, copies (a syndicated wire story
 * under another layout, a paywalled teaser of it, a shortened agency copy) share 0.8 to 1.0;
 * articles that cover the same event share well under 0.1, but two different notices that
 * reuse one long paragraph of legal boilerplate share 0.6 to 0.75, so 0.5 clustered them.
 */
export const CONTAINMENT_THRESHOLD = 0.78;
const SHINGLE_WORDS = 5;

/** FNV-1a: a fast, stable 32-bit hash of a shingle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of every run of SHINGLE_WORDS words, combined from word hashes (no string building). */
export function shingles(text: string): Set<number> {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(hash);
  const result = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ (words[i + k] ?? 0), 0x85ebca6b) >>> 0;
    result.add((h ^ (h >>> 13)) >>> 0);
  }
  return result;
}

/** Share of the smaller set found in the larger one. */
export function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}
