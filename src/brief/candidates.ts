import { tokenize, type Token } from '../analysis/index.js';
import type { CorpusDocument, Sentence } from '../corpus/index.js';

/** A sentence that may be quoted: complete, in a body paragraph, of readable length. */
export interface Candidate {
  doc: CorpusDocument;
  sentence: Sentence;
  text: string;
  /** The language of the sentence's paragraph (ISO 639-1). */
  language: string;
  /** Tokenised once, scored against every theme. */
  tokens: Token[];
}

const MIN_WORDS = 8;
const MAX_WORDS = 90;

/** Sentences that may be quoted; with `languages`, only those in one of them. */
export function quotableSentences(
  documents: readonly CorpusDocument[],
  languages?: readonly string[],
): Candidate[] {
  const result: Candidate[] = [];
  for (const doc of documents) {
    for (const sentence of doc.sentences) {
      if (!sentence.complete) continue;
      if (doc.paragraphs[sentence.paragraph]?.kind !== 'body') continue;
      const language = doc.paragraphs[sentence.paragraph]?.language ?? doc.language;
      if (languages && !languages.includes(language)) continue;
      const text = doc.text.slice(sentence.start, sentence.end);
      const tokens = tokenize(text, language);
      if (tokens.length < MIN_WORDS || tokens.length > MAX_WORDS) continue;
      result.push({ doc, sentence, text, language, tokens });
    }
  }
  return result;
}
