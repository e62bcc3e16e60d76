import { CONTAINMENT_THRESHOLD, containment, shingles } from '../corpus/shingles.js';

/**
 * A document's fingerprints are a sample of its 5-word shingles: those whose hash is 0 mod
 * COARSE_MODULUS (as in winnowing). Two documents are compared in full only when they share
 * enough of them, so adding a document costs what its true overlaps cost, not the store's size.
 * A short document (few coarse fingerprints) also indexes the finer sample (0 mod
 * FINE_MODULUS), so that two short copies still have enough in common to be found; a short and
 * a long document are compared on the coarse sample, which both hold.
 */
const COARSE_MODULUS = 16;
const FINE_MODULUS = 4;
/** Below this many coarse fingerprints, a document is short and indexes the fine sample. */
const SHORT = 16;
/** A fingerprint held by more documents than this is a stock phrase, not evidence of a copy. */
const MAX_POSTINGS = 50;
/** A long document sharing this share of its sample with another is a copy without a full comparison. */
const CERTAIN_SHARE = 0.8;
/** The sampling scheme, recorded with every stored analysis. */
export const FINGERPRINT_SCHEME = `${COARSE_MODULUS}/${FINE_MODULUS}/${SHORT}/${MAX_POSTINGS}`;

export interface Fingerprints {
  /** The hashes indexed for this document (fine sample if short, else coarse). */
  indexed: number[];
  /** How many coarse fingerprints it has. */
  coarse: number;
}

export function fingerprintsOf(text: string): Fingerprints {
  const all = [...shingles(text)];
  const coarse = all.filter((h) => h % COARSE_MODULUS === 0);
  if (coarse.length >= SHORT) return { indexed: coarse, coarse: coarse.length };
  return { indexed: all.filter((h) => h % FINE_MODULUS === 0), coarse: coarse.length };
}

/**
 * The fewest shared fingerprints that make a pair worth comparing in full, when the smaller
 * sample has `m`: 2.5 standard deviations below what a copy at the containment threshold would
 * share (the sample is binomial), and at least one.
 */
function plausibleShared(m: number): number {
  const expected = CONTAINMENT_THRESHOLD * m;
  const sd = Math.sqrt(m * CONTAINMENT_THRESHOLD * (1 - CONTAINMENT_THRESHOLD));
  return Math.max(1, expected - 2.5 * sd);
}

/** The sample two documents are compared on: the fine one only when both are short. */
function sampleSize(
  a: { indexed: number; coarse: number },
  b: { indexed: number; coarse: number },
): number {
  const short = (d: { coarse: number }) => d.coarse < SHORT;
  return short(a) && short(b) ? Math.min(a.indexed, b.indexed) : Math.min(a.coarse, b.coarse);
}

export interface ClusterMember {
  rowid: number;
  id: string;
  truncated: number;
  length: number;
  text: string;
}

/** A stored document that shares fingerprints with a new one. */
export interface Candidate {
  rowid: number;
  indexed: number;
  coarse: number;
  cluster: number;
}

/**
 * Where the index keeps its postings and the documents' clusters: a table of (fingerprint,
 * document) pairs, a table of stock fingerprints, and the cluster columns of the documents.
 * Each store implements it in its own SQL; the clustering logic below is the same for all.
 */
export interface DuplicateStorage {
  /**
   * Index a document's fingerprints (leaving out stock ones) and say which other documents
   * held each of them before (one round trip where the store is a server).
   */
  addPostings(doc: number, fingerprints: readonly number[]): Promise<{ fp: number; doc: number }[]>;
  /** Make fingerprints stock phrases: recorded as such, their postings dropped. */
  markStock(fingerprints: readonly number[]): Promise<void>;
  candidates(docs: readonly number[]): Promise<Candidate[]>;
  /** The texts of documents, by row id. */
  texts(docs: readonly number[]): Promise<Map<number, string>>;
  members(cluster: number): Promise<ClusterMember[]>;
  moveCluster(from: number, to: number): Promise<void>;
  setCanonical(rowid: number, canonical: boolean, containment: number): Promise<void>;
  /** Forget a document's postings. */
  removePostings(doc: number): Promise<void>;
}

/**
 * Story clusters kept up to date one document at a time: each new document is compared with
 * the stored documents that share its fingerprints, joins (and merges) the clusters of those
 * it copies, and the cluster's canonical copy is chosen again. Called inside the store's write
 * transaction.
 */
export class DuplicateIndex {
  constructor(private readonly storage: DuplicateStorage) {}

  /** Index a document already inserted with cluster = its own rowid; merge it into the clusters it copies. */
  async add(rowid: number, text: string, fingerprints: Fingerprints): Promise<void> {
    const shared = await this.sharedFingerprints(rowid, fingerprints.indexed);
    // Fingerprints are a uniform sample of shingles, so the share of them two documents hold in
    // common estimates their containment: only plausible copies are compared in full.
    const plausible = [...shared].filter(([doc]) => doc !== rowid).map(([doc]) => doc);
    if (plausible.length === 0) return;
    const clusters = new Set<number>();
    const compare: Candidate[] = [];
    for (const other of await this.storage.candidates(plausible)) {
      const n = shared.get(other.rowid) ?? 0;
      const m = sampleSize(
        { indexed: fingerprints.indexed.length, coarse: fingerprints.coarse },
        other,
      );
      if (n < plausibleShared(m)) continue;
      // Far above the threshold, the sample alone is decisive.
      if (n >= CERTAIN_SHARE * m && m >= SHORT) clusters.add(other.cluster);
      else compare.push(other);
    }
    if (compare.length > 0) {
      // Only the texts of the pairs left in doubt are read, and compared in full.
      const own = shingles(text);
      const texts = await this.storage.texts(compare.map((c) => c.rowid));
      for (const other of compare) {
        const theirs = shingles(texts.get(other.rowid) ?? '');
        if (containment(own, theirs) >= CONTAINMENT_THRESHOLD) clusters.add(other.cluster);
      }
    }
    if (clusters.size === 0) return;
    const target = Math.min(rowid, ...clusters);
    for (const cluster of [rowid, ...clusters])
      if (cluster !== target) await this.storage.moveCluster(cluster, target);
    await this.chooseCanonical(target);
  }

  /** Count, per stored document, the fingerprints it shares with this one; index this one's. */
  private async sharedFingerprints(
    rowid: number,
    fingerprints: readonly number[],
  ): Promise<Map<number, number>> {
    // Stock fingerprints have no postings, so they never count; one statement reads them all.
    const holders = new Map<number, number>();
    const shared = new Map<number, number>();
    for (const { fp, doc } of await this.storage.addPostings(rowid, fingerprints)) {
      holders.set(fp, (holders.get(fp) ?? 0) + 1);
      shared.set(doc, (shared.get(doc) ?? 0) + 1);
    }
    const stock = [...holders].filter(([, count]) => count + 1 > MAX_POSTINGS).map(([fp]) => fp);
    if (stock.length > 0) await this.storage.markStock(stock);
    return shared;
  }

  /** Forget a document's fingerprints (the caller deletes its row), then re-choose its cluster's canonical copy. */
  async remove(rowid: number, cluster: number): Promise<void> {
    await this.storage.removePostings(rowid);
    await this.chooseCanonical(cluster, rowid);
  }

  /** The most complete copy is canonical: not truncated, then longest, then smallest id. */
  async chooseCanonical(cluster: number, without?: number): Promise<void> {
    const members = (await this.storage.members(cluster)).filter((m) => m.rowid !== without);
    if (members.length === 0) return;
    members.sort(
      (a, b) => a.truncated - b.truncated || b.length - a.length || (a.id < b.id ? -1 : 1),
    );
    const [best, ...rest] = members as [ClusterMember, ...ClusterMember[]];
    await this.storage.setCanonical(best.rowid, true, 1);
    if (rest.length === 0) return;
    const canonicalShingles = shingles(best.text);
    for (const m of rest)
      await this.storage.setCanonical(
        m.rowid,
        false,
        containment(shingles(m.text), canonicalShingles),
      );
  }
}
