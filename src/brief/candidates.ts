import type { CorpusDocument, Sentence } from '../corpus/index.js';

/** A sentence that may be quoted: complete, in a body paragraph, of readable length. */
export interface Candidate {
  doc: CorpusDocument;
  sentence: Sentence;
  text: string;
}

const MIN_WORDS = 8;
const MAX_WORDS = 90;

export function quotableSentences(documents: readonly CorpusDocument[]): Candidate[] {
  const result: Candidate[] = [];
  for (const doc of documents) {
    for (const sentence of doc.sentences) {
      if (!sentence.complete) continue;
      if (doc.paragraphs[sentence.paragraph]?.kind !== 'body') continue;
      const text = doc.text.slice(sentence.start, sentence.end);
      const words = text.split(/\s+/).length;
      if (words < MIN_WORDS || words > MAX_WORDS) continue;
      result.push({ doc, sentence, text });
    }
  }
  return result;
}
