import type { CorpusDocument } from '../corpus/index.js';
import type { Source } from '../model/index.js';
import type { CopyInfo } from './briefCorpus.js';

/** Numbers sources in the order the brief first cites them. */
export class Citations {
  private readonly order: CorpusDocument[] = [];
  private readonly numbers = new Map<string, number>();

  number(doc: CorpusDocument): number {
    const found = this.numbers.get(doc.id);
    if (found !== undefined) return found;
    this.order.push(doc);
    this.numbers.set(doc.id, this.order.length);
    return this.order.length;
  }

  /** Whether a document is already cited. */
  has(docId: string): boolean {
    return this.numbers.has(docId);
  }

  /** Sources in citation order; `copies` names the other copies of each story. */
  sources(copies: ReadonlyMap<string, CopyInfo>): Source[] {
    return this.order.map((doc, i) => ({
      citation: i + 1,
      docId: doc.id,
      file: doc.file,
      title: doc.title,
      language: doc.language,
      ...(doc.source
        ? { publisher: doc.source }
        : doc.dateline?.agency
          ? { publisher: doc.dateline.agency }
          : {}),
      ...(doc.published ? { published: doc.published } : {}),
      ...(doc.url ? { url: doc.url } : {}),
      truncated: doc.truncated,
      alsoReportedBy: doc.duplicate.others.flatMap((id) => {
        const other = copies.get(id);
        return other ? [{ docId: other.docId, file: other.file, title: other.title }] : [];
      }),
    }));
  }
}
