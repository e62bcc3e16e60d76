import { matchTokens } from './tokens.js';

/** The parts of a document its match text is made from (an AnalysedDocument fits). */
export interface MatchableDocument {
  title: string;
  text: string;
  language: string;
  paragraphs: readonly { start: number; end: number; language?: string | undefined }[];
}

/** What the full-text index holds for a document: match keys and forms of its title and body. */
export interface DocumentMatchText {
  title: string;
  body: string;
  titleForms: string;
  bodyForms: string;
}

/**
 * A document's title and body as the full-text index holds them (see `matchTokens`), each
 * paragraph in its own language where a page mixes languages.
 */
export function documentMatchText(doc: MatchableDocument): DocumentMatchText {
  const parts =
    doc.paragraphs.length > 0
      ? doc.paragraphs.map((p) =>
          matchTokens(doc.text.slice(p.start, p.end), p.language ?? doc.language),
        )
      : [matchTokens(doc.text, doc.language)];
  const join = (values: string[]) => values.filter((v) => v !== '').join(' ');
  const title = matchTokens(doc.title, doc.language);
  return {
    title: title.keys,
    body: join(parts.map((p) => p.keys)),
    titleForms: title.forms,
    bodyForms: join(parts.map((p) => p.forms)),
  };
}
