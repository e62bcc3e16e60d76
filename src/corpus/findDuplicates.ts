import type { DuplicateInfo } from './types.js';

export interface DuplicateCandidate {
  id: string;
  text: string;
  truncated: boolean;
}

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
/**
 * Candidates are found through an index of fingerprints (the shingles whose hash is 0 mod 4,
 * as in winnowing): only documents sharing at least two fingerprints are compared, so the cost
 * grows with the number of true overlaps, not with the square of the corpus. A fingerprint
 * found in more than MAX_POSTINGS documents is a stock phrase and does not make candidates.
 */
const FINGERPRINT_MODULUS = 4;
const MIN_SHARED_FINGERPRINTS = 2;
const MAX_POSTINGS = 50;

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

function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

/** Pairs of documents that share enough fingerprints to be worth comparing. */
function candidatePairs(sets: readonly Set<number>[]): [number, number][] {
  const postings = new Map<number, number[]>();
  sets.forEach((set, doc) => {
    for (const h of set) {
      if (h % FINGERPRINT_MODULUS !== 0) continue;
      const list = postings.get(h);
      if (list) list.push(doc);
      else postings.set(h, [doc]);
    }
  });
  const shared = new Map<number, number>();
  for (const docs of postings.values()) {
    if (docs.length < 2 || docs.length > MAX_POSTINGS) continue;
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        const key = (docs[i] ?? 0) * sets.length + (docs[j] ?? 0);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return [...shared]
    .filter(([, count]) => count >= MIN_SHARED_FINGERPRINTS)
    .map(([key]) => [Math.floor(key / sets.length), key % sets.length]);
}

/**
 * Group documents into story clusters and pick one canonical copy per cluster: the most
 * complete one (not truncated, then longest, then smallest id for a stable choice).
 */
export function findDuplicates(documents: readonly DuplicateCandidate[]): Map<string, DuplicateInfo> {
  const sets = documents.map((d) => shingles(d.text));
  const parent = documents.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const [i, j] of candidatePairs(sets)) {
    if (containment(sets[i] ?? new Set(), sets[j] ?? new Set()) >= CONTAINMENT_THRESHOLD) parent[root(j)] = root(i);
  }
  const clusters = new Map<number, number[]>();
  documents.forEach((_, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), i]));

  const result = new Map<string, DuplicateInfo>();
  for (const members of clusters.values()) {
    const ranked = [...members].sort((a, b) => compareCompleteness(documents[a], documents[b]));
    const canonical = ranked[0] ?? 0;
    const ids = members.map((i) => documents[i]?.id ?? '');
    const canonicalId = documents[canonical]?.id ?? '';
    for (const i of members) {
      const id = documents[i]?.id ?? '';
      result.set(id, {
        clusterId: canonicalId,
        canonical: i === canonical,
        others: ids.filter((other) => other !== id),
        containment: i === canonical ? 1 : containment(sets[i] ?? new Set(), sets[canonical] ?? new Set()),
      });
    }
  }
  return result;
}

function compareCompleteness(a: DuplicateCandidate | undefined, b: DuplicateCandidate | undefined): number {
  if (!a || !b) return 0;
  if (a.truncated !== b.truncated) return a.truncated ? 1 : -1;
  if (a.text.length !== b.text.length) return b.text.length - a.text.length;
  return a.id < b.id ? -1 : 1;
}
