/**
 * Theme matching per language on the real-page set: for each page and shipped theme, does
 * briefgen find a passage it could quote for the theme (a sentence scoring at least the
 * excerpt threshold), and does it take the page to be about the theme? Compared with the
 * page's labelled themes and core themes, as precision and recall per language of the page.
 */
import { loadTaxonomy } from '../src/analysis/index.js';
import { MIN_EXCERPT_SCORE } from '../src/brief/index.js';
import { quotableSentences } from '../src/brief/candidates.js';
import { scoreCandidates } from '../src/brief/scoreCandidates.js';
import { loadCorpus } from '../src/store/index.js';
import type { Ratio, ThemeGold } from './evaluate.js';

export interface LanguageThemeFigures {
  language: string;
  pages: number;
  /** Of the page–theme pairs where a passage could be quoted, how many are labelled. */
  precision: Ratio;
  /** Of the labelled page–theme pairs, how many have a passage that could be quoted. */
  recall: Ratio;
  /** The same for "the page is about the theme" against the labelled core themes. */
  aboutPrecision: Ratio;
  aboutRecall: Ratio;
}

export async function evaluateThemesByLanguage(
  gold: { documents: (ThemeGold['documents'][number] & { language?: string })[] },
  corpusDir: string,
): Promise<LanguageThemeFigures[]> {
  const corpus = await loadCorpus(corpusDir);
  const taxonomy = await loadTaxonomy();
  const labels = new Map(gold.documents.map((d) => [d.file, d]));
  const rows = new Map<string, LanguageThemeFigures>();
  for (const doc of corpus.documents) {
    const label = labels.get(doc.file);
    if (!label) continue;
    const language = label.language ?? doc.language;
    const row = rows.get(language) ?? emptyRow(language);
    rows.set(language, row);
    row.pages++;
    const candidates = quotableSentences([doc]);
    for (const theme of taxonomy) {
      const scored = scoreCandidates(candidates, theme);
      const matched = scored.some((s) => s.score >= MIN_EXCERPT_SCORE);
      const about = scored.some((s) => s.aboutTheme);
      count(row.precision, row.recall, matched, label.themes.includes(theme.id));
      count(
        row.aboutPrecision,
        row.aboutRecall,
        about,
        label.core_themes?.includes(theme.id) ?? false,
      );
    }
  }
  return [...rows.values()].sort((a, b) => b.pages - a.pages || (a.language < b.language ? -1 : 1));
}

function emptyRow(language: string): LanguageThemeFigures {
  const zero = (): Ratio => ({ hit: 0, total: 0 });
  return {
    language,
    pages: 0,
    precision: zero(),
    recall: zero(),
    aboutPrecision: zero(),
    aboutRecall: zero(),
  };
}

function count(precision: Ratio, recall: Ratio, found: boolean, labelled: boolean): void {
  if (found) precision.total++;
  if (labelled) recall.total++;
  if (found && labelled) {
    precision.hit++;
    recall.hit++;
  }
}
