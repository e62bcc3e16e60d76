import type { AnalysedDocument, CorpusDocument, DuplicateInfo } from '../corpus/index.js';

/** A stored document as both stores read it back: the analysis as JSON, the text beside it. */
export interface DocumentRow {
  rowid: number;
  text: string;
  id: string;
  cluster: number;
  canonical: number;
  containment: number;
  first_seen: string;
  data: string;
}

/** The document a row holds, with its story cluster from the cluster's members. */
export function toDocument(
  row: DocumentRow,
  members: readonly { id: string; canonical: number }[],
): CorpusDocument {
  const doc = { ...(JSON.parse(row.data) as Omit<AnalysedDocument, 'text'>), text: row.text };
  const canonical = members.find((m) => m.canonical === 1)?.id ?? row.id;
  const duplicate: DuplicateInfo = {
    clusterId: canonical,
    canonical: row.canonical === 1,
    others: members
      .map((m) => m.id)
      .filter((id) => id !== row.id)
      .sort(),
    containment: row.containment,
  };
  return { ...doc, firstSeen: row.first_seen, duplicate };
}
