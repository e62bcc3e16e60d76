import type { CorpusDocument } from '../corpus/index.js';
import type { Source } from '../model/index.js';

/** Numbers sources in the order the brief first cites them. */
export class Citations {
  private readonly order: CorpusDocument[] = [];

  number(doc: CorpusDocument): number {
    const found = this.order.indexOf(doc);
    if (found >= 0) return found + 1;
    this.order.push(doc);
    return this.order.length;
  }

  sources(all: readonly CorpusDocument[]): Source[] {
    const byId = new Map(all.map((d) => [d.id, d]));
    return this.order.map((doc, i) => ({
      citation: i + 1,
      docId: doc.id,
      file: doc.file,
      title: doc.title,
      ...(doc.source
        ? { publisher: doc.source }
        : doc.dateline?.agency
          ? { publisher: doc.dateline.agency }
          : {}),
      ...(doc.published ? { published: doc.published } : {}),
      ...(doc.url ? { url: doc.url } : {}),
      truncated: doc.truncated,
      alsoReportedBy: doc.duplicate.others.flatMap((id) => {
        const other = byId.get(id);
        return other ? [{ docId: other.id, file: other.file, title: other.title }] : [];
      }),
    }));
  }
}
