/**
 * Quality figures against hand labels: the sample corpus (shared/eval/seeds-gold.yaml, copied to
 * test/fixtures/) and the development set (test/fixtures/devset/). Printed by `npm run eval` and
 * pinned by test/eval/quality.test.ts. The labels are the reference only: nothing in src/ may
 * name their strings.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import {
  collectEntities,
  extractFacts,
  loadTaxonomy,
  type CollectedEntity,
  type ExtractedFact,
  compileScope,
  type ScopeSpec,
  type Theme,
} from '../src/analysis/index.js';
import { assembleBrief, queryStore, type BriefSpec } from '../src/brief/index.js';
import type { Corpus, CorpusDocument } from '../src/corpus/index.js';
import { SqliteStore, loadCorpus, syncFolder } from '../src/store/index.js';
import type { BriefModel } from '../src/model/index.js';

export interface Gold {
  documents: {
    file: string;
    title: string;
    duplicate_of: string | null;
    truncated?: boolean;
    themes: string[];
  }[];
  boilerplate_markers: Record<string, string[]>;
  body_markers: Record<string, string[]>;
  themes: Record<string, { should_quote: string[]; never_quote?: string[] }>;
  facts: {
    money: { value: string; context: string; file: string }[];
    percent: { value: string; context: string; file: string }[];
    quantity?: { value: string; context: string; file: string }[];
    person_role: { person: string; role: string; aliases?: string[] }[];
    organisation: string[];
    date_or_year: { value: string; context: string }[];
  };
  never_facts: string[];
}

export async function readGold(file: string): Promise<Gold> {
  return parse(await readFile(file, 'utf8')) as Gold;
}

export interface Ratio {
  hit: number;
  total: number;
}

export interface ThemeFigures {
  excerpts: number;
  shouldQuote: Ratio;
  neverQuoteHits: number;
  /** Excerpts whose document carries the theme in the gold labels. */
  precision: Ratio;
}

export interface QualityReport {
  /** Labelled documents that ingestion produced (by file, or `file#n` for records). */
  documentsLoaded: Ratio;
  boilerplateRemoved: Ratio;
  bodyKept: Ratio;
  titlesRight: Ratio;
  duplicatesFound: Ratio;
  canonicalRight: Ratio;
  truncatedFlagged: Ratio;
  otherPairsClustered: number;
  themes: Record<string, ThemeFigures>;
  facts: {
    money: Ratio;
    percent: Ratio;
    quantity: Ratio;
    years: Ratio;
    personRoles: Ratio;
    people: Ratio;
    organisations: Ratio;
  };
  keyPoints: number;
  advertFiguresExtracted: string[];
  /** Key points, excerpts, facts and events whose text is not cleaned.slice(start, end). */
  notVerbatim: number;
}

const AS_OF = '2026-11-22';

/** Markers and labels of documents that did not load count as misses: nothing is hidden. */
export async function evaluate(gold: Gold, corpusDir: string): Promise<QualityReport> {
  const corpus = await loadCorpus(corpusDir);
  const taxonomy = await loadTaxonomy();
  const byFile = new Map(corpus.documents.map((d) => [d.file, d]));
  const doc = (file: string) => byFile.get(file);
  const text = (file: string) => doc(file)?.text;

  const expectedPairs = gold.documents
    .filter((g) => g.duplicate_of)
    .map((g) => [g.file, g.duplicate_of ?? '']);
  const foundPairs = corpus.documents
    .filter((d) => !d.duplicate.canonical)
    .map((d) => [d.file, fileOf(corpus, d.duplicate.clusterId)]);

  const themes: Record<string, ThemeFigures> = {};
  for (const [themeId, labels] of Object.entries(gold.themes)) {
    const theme = taxonomy.find((t) => t.id === themeId);
    if (theme)
      themes[themeId] = themeFigures(
        assembleBrief(spec([theme]), corpus, { asOf: AS_OF }),
        themeId,
        labels,
        gold,
      );
  }
  const full = assembleBrief(spec(taxonomy, 200), corpus, { asOf: AS_OF });
  const facts = full.facts;
  return {
    documentsLoaded: ratio(gold.documents.map((g) => byFile.has(g.file))),
    boilerplateRemoved: countMarkers(
      gold.boilerplate_markers,
      (file, marker) => text(file) !== undefined && !text(file)?.includes(marker),
    ),
    bodyKept: countMarkers(
      gold.body_markers,
      (file, marker) => text(file)?.includes(marker) ?? false,
    ),
    titlesRight: ratio(gold.documents.map((g) => doc(g.file)?.title === g.title)),
    // A pair is found when the two copies share a cluster, whichever is canonical (scored apart).
    duplicatesFound: ratio(
      expectedPairs.map(([a, b]) => foundPairs.some(([x, y]) => samePair(a, b, x, y))),
    ),
    canonicalRight: ratio(
      expectedPairs.map(
        ([a, b]) =>
          doc(a ?? '')?.duplicate.canonical === false && doc(b ?? '')?.duplicate.canonical === true,
      ),
    ),
    truncatedFlagged: ratio(
      gold.documents.map((g) => (doc(g.file)?.truncated ?? false) === Boolean(g.truncated)),
    ),
    otherPairsClustered: foundPairs.filter(
      ([a, b]) => !expectedPairs.some(([x, y]) => samePair(a, b, x, y)),
    ).length,
    themes,
    facts: {
      money: ratio(
        gold.facts.money.map((g) =>
          facts.some((f) => f.kind === 'money' && sameMoney(f.amount, f.currency, g.value)),
        ),
      ),
      percent: ratio(
        gold.facts.percent.map((g) =>
          facts.some((f) => f.kind === 'percent' && f.value === g.value),
        ),
      ),
      quantity: ratio(
        (gold.facts.quantity ?? []).map((g) =>
          facts.some(
            (f) =>
              f.kind === 'quantity' && f.sentence.includes(g.context) && g.context.includes(f.text),
          ),
        ),
      ),
      years: ratio(
        gold.facts.date_or_year.map((g) =>
          facts.some(
            (f) => f.kind === 'year' && f.value === g.value && f.sentence.includes(g.context),
          ),
        ),
      ),
      personRoles: ratio(
        gold.facts.person_role.map((g) =>
          full.entities.some((e) => samePerson(e, g) && sameRole(e.role, g.role)),
        ),
      ),
      people: ratio(gold.facts.person_role.map((g) => full.entities.some((e) => samePerson(e, g)))),
      organisations: ratio(
        gold.facts.organisation.map((g) =>
          full.entities.some(
            (e) => e.kind === 'organisation' && (e.name.includes(g) || g.includes(e.name)),
          ),
        ),
      ),
    },
    keyPoints: full.keyPoints.length,
    advertFiguresExtracted: gold.never_facts.filter((figure) =>
      facts.some((f) => f.text.includes(figure) || f.sentence.includes(figure)),
    ),
    notVerbatim: countNotVerbatim(full, corpus),
  };
}

function themeFigures(
  model: BriefModel,
  themeId: string,
  labels: Gold['themes'][string],
  gold: Gold,
): ThemeFigures {
  // What the brief quotes for the theme: its section's excerpts and the key points that serve it.
  const quoted = [
    ...model.keyPoints.filter((k) => k.themeIds.includes(themeId)),
    ...model.sections.flatMap((s) => s.excerpts),
  ];
  const goldThemes = new Map(gold.documents.map((g) => [g.file, g.themes]));
  return {
    excerpts: quoted.length,
    shouldQuote: ratio(labels.should_quote.map((m) => quoted.some((e) => e.text.includes(m)))),
    neverQuoteHits: (labels.never_quote ?? []).filter((m) => quoted.some((e) => e.text.includes(m)))
      .length,
    precision: ratio(quoted.map((e) => goldThemes.get(e.file)?.includes(themeId) ?? false)),
  };
}

function samePair(
  a: string | undefined,
  b: string | undefined,
  x: string | undefined,
  y: string | undefined,
): boolean {
  return (a === x && b === y) || (a === y && b === x);
}

function fileOf(corpus: Corpus, id: string): string {
  return corpus.documents.find((d: CorpusDocument) => d.id === id)?.file ?? id;
}

function spec(themes: Theme[], facts = 50): BriefSpec {
  return {
    file: 'eval.yaml',
    id: 'eval',
    title: 'Evaluation',
    audience: 'analyst',
    undated: 'include',
    themes,
    window: 'all',
    limits: { excerpts_per_theme: 5, sentences_per_excerpt: 1, facts, key_points: 4 },
  };
}

function countMarkers(
  markers: Record<string, string[]>,
  ok: (file: string, marker: string) => boolean,
): Ratio {
  return ratio(
    Object.entries(markers).flatMap(([file, list]) => list.map((marker) => ok(file, marker))),
  );
}

function ratio(results: boolean[]): Ratio {
  return { hit: results.filter(Boolean).length, total: results.length };
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Gold writes money as "USD 1.09 billion". */
function sameMoney(
  amount: number | undefined,
  currency: string | undefined,
  gold: string,
): boolean {
  const m = /^([A-Z]{3}) ([\d.,]+)(?: (\w+))?$/.exec(gold);
  if (!m || amount === undefined) return false;
  const expected = Number((m[2] ?? '').replace(/,/g, '')) * (SCALE[m[3] ?? ''] ?? 1);
  return currency === m[1] && Math.abs(amount - expected) < 0.5;
}

function countNotVerbatim(model: BriefModel, corpus: Corpus): number {
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  const items = [
    ...model.keyPoints,
    ...model.sections.flatMap((s) => s.excerpts),
    ...model.facts,
    ...model.timeline,
  ];
  return items.filter(
    (item) => docs.get(item.docId)?.text.slice(item.start, item.end) !== item.text,
  ).length;
}

const normalName = (name: string) => name.toLowerCase().replace(/-/g, ' ');

/** The gold person, under its name or an alias, among the brief's people. */
function samePerson(
  entity: BriefModel['entities'][number] | CollectedEntity,
  gold: Gold['facts']['person_role'][number],
): boolean {
  if (entity.kind !== 'person') return false;
  const names = [entity.name, ...entity.aliases].map(normalName);
  return [gold.person, ...(gold.aliases ?? [])].map(normalName).some((n) => names.includes(n));
}

const STOP = new Set(['the', 'of', 'for', 'to', 'and', 'in', 's']);
const contentWords = (text: string) =>
  (text.toLowerCase().match(/[a-z]+/g) ?? [])
    .filter((w) => !STOP.has(w))
    .map((w) => w.replace(/(?:n|ns|s)$/, ''));

/** A role matches when it carries at least half of the gold role's words ("Russian" ~ "Russia’s"). */
function sameRole(role: string | undefined, gold: string): boolean {
  if (!role) return false;
  const have = new Set(contentWords(role));
  const want = contentWords(gold.replace(/\(.*?\)/g, ''));
  return want.filter((w) => have.has(w)).length / want.length >= 0.5;
}

/** Labels of a set scored on the analysis of every sentence (eval/real/real-gold.yaml). */
export interface AnalysisGold extends Gold {
  documents: (Gold['documents'][number] & { published?: string | Date })[];
  facts: Gold['facts'] & {
    place?: string[];
    date?: { value: string; context: string; file: string }[];
  };
}

export interface AnalysisReport {
  documentsLoaded: Ratio;
  boilerplateRemoved: Ratio;
  bodyKept: Ratio;
  duplicatesFound: Ratio;
  otherPairsClustered: number;
  /** Labelled documents whose published date is read right; wrong ones are counted apart. */
  publishedRight: Ratio;
  publishedWrong: number;
  money: Ratio;
  percent: Ratio;
  quantity: Ratio;
  dates: Ratio;
  personRoles: Ratio;
  people: Ratio;
  organisations: Ratio;
  places: Ratio;
  /** Figures taken from a line the gold calls furniture. */
  furnitureFigures: string[];
  /** Markers missed, for reading the figures. */
  missed: string[];
}

/**
 * Quality of ingestion and of the analysis itself: facts and entities from every sentence of
 * every document (a brief's selection caps what it shows, which would hide what was found).
 */
export async function evaluateAnalysis(
  gold: AnalysisGold,
  corpusDir: string,
): Promise<AnalysisReport> {
  const corpus = await loadCorpus(corpusDir);
  const byFile = new Map(corpus.documents.map((d) => [d.file, d]));
  const text = (file: string) => byFile.get(file)?.text;
  const missed: string[] = [];
  const note = (ok: boolean, what: string) => {
    if (!ok) missed.push(what);
    return ok;
  };
  const factsOf = new Map(
    corpus.documents.map((d) => [
      d.file,
      extractFacts(d.text, d.sentences, d.published ? { published: d.published } : {}).map((f) => ({
        ...f,
        sentenceText: d.text.slice(f.sentence.start, f.sentence.end),
      })),
    ]),
  );
  const entities = collectEntities(
    corpus.documents.map((d) => ({ docId: d.id, text: d.text, sentences: d.sentences })),
  );
  const expectedPairs = gold.documents
    .filter((g) => g.duplicate_of)
    .map((g) => [g.file, g.duplicate_of ?? '']);
  const foundPairs = corpus.documents
    .filter((d) => !d.duplicate.canonical)
    .map((d) => [d.file, fileOf(corpus, d.duplicate.clusterId)]);
  const dated = gold.documents.filter((g) => g.published !== undefined);
  const isoOf = (v: string | Date | undefined) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : v;
  const factIn = (
    kind: string,
    g: { context: string; file: string },
    ok: (f: ExtractedFact) => boolean,
  ) =>
    note(
      (factsOf.get(g.file) ?? []).some(
        (f) => f.kind === kind && f.sentenceText.includes(g.context) && ok(f),
      ),
      `${kind}: ${g.file}: ${g.context}`,
    );
  const bpMarkers = gold.boilerplate_markers;
  return {
    documentsLoaded: ratio(gold.documents.map((g) => byFile.has(g.file))),
    boilerplateRemoved: countMarkers(bpMarkers, (file, marker) =>
      note(
        text(file) !== undefined && !text(file)?.includes(marker),
        `furniture kept: ${file}: ${marker}`,
      ),
    ),
    bodyKept: countMarkers(gold.body_markers, (file, marker) =>
      note(text(file)?.includes(marker) ?? false, `body lost: ${file}: ${marker}`),
    ),
    duplicatesFound: ratio(
      expectedPairs.map(([a, b]) =>
        note(
          foundPairs.some(([x, y]) => samePair(a, b, x, y)),
          `pair missed: ${a} ~ ${b}`,
        ),
      ),
    ),
    otherPairsClustered: foundPairs.filter(
      ([a, b]) => !expectedPairs.some(([x, y]) => samePair(a, b, x, y)),
    ).length,
    publishedRight: ratio(
      dated.map((g) =>
        note(
          byFile.get(g.file)?.published === isoOf(g.published),
          `published: ${g.file}: ${byFile.get(g.file)?.published ?? '-'}`,
        ),
      ),
    ),
    publishedWrong: dated.filter(
      (g) => byFile.get(g.file)?.published && byFile.get(g.file)?.published !== isoOf(g.published),
    ).length,
    money: ratio(
      gold.facts.money.map((g) =>
        factIn('money', g as { context: string; file: string }, (f) =>
          sameMoney(f.amount, f.currency, g.value),
        ),
      ),
    ),
    percent: ratio(
      gold.facts.percent.map((g) =>
        factIn('percent', g as { context: string; file: string }, (f) => f.value === g.value),
      ),
    ),
    quantity: ratio(
      (gold.facts.quantity ?? []).map((g) =>
        factIn('quantity', g, (f) => g.context.includes(f.text) || f.text.includes(g.context)),
      ),
    ),
    dates: ratio((gold.facts.date ?? []).map((g) => factIn('date', g, (f) => f.date === g.value))),
    personRoles: ratio(
      gold.facts.person_role.map((g) =>
        note(
          entities.some((e) => samePerson(e, g) && sameRole(e.role, g.role)),
          `role: ${g.person} (${entities.find((e) => samePerson(e, g))?.role ?? 'not found'})`,
        ),
      ),
    ),
    people: ratio(gold.facts.person_role.map((g) => entities.some((e) => samePerson(e, g)))),
    organisations: ratio(
      gold.facts.organisation.map((g) =>
        note(
          entities.some(
            (e) =>
              e.kind === 'organisation' &&
              [e.name, ...e.aliases, e.acronym ?? ''].some(
                (n) => n !== '' && (n.includes(g) || g.includes(n)),
              ),
          ),
          `organisation: ${g}`,
        ),
      ),
    ),
    places: ratio(
      (gold.facts.place ?? []).map((g) =>
        note(
          entities.some(
            (e) =>
              e.kind === 'place' &&
              [e.name, ...e.aliases].some((n) => n.toLowerCase() === g.toLowerCase()),
          ),
          `place: ${g}`,
        ),
      ),
    ),
    furnitureFigures: Object.entries(bpMarkers).flatMap(([file, markers]) =>
      (factsOf.get(file) ?? [])
        .filter((f) => f.kind !== 'year' && markers.some((m) => f.sentenceText.includes(m)))
        .map((f) => `${file}: ${f.text}`),
    ),
    missed,
  };
}

/** A page labelled off-topic: it shares the themes' words but no briefing should quote it. */
export interface ThemeGold {
  documents: { file: string; themes: string[]; core_themes?: string[]; off_topic?: boolean }[];
}

export interface ThemePrecision {
  themeId: string;
  quoted: number;
  /** Quotes (excerpts and the key points serving the theme) from a page labelled with the theme. */
  precision: Ratio;
  /** The same, counting only pages that are about the theme (core_themes: a paragraph or more). */
  corePrecision: Ratio;
  /** Quotes from pages labelled off-topic. */
  offTopic: number;
}

/**
 * Theme precision as a user meets it: one brief per theme (5 excerpts), through the store as
 * `brief build` does, optionally with a scope. Measured on labelled documents only.
 */
export async function evaluateThemePrecision(
  gold: ThemeGold,
  corpusDir: string,
  scope?: ScopeSpec,
): Promise<ThemePrecision[]> {
  const store = SqliteStore.open(':memory:');
  try {
    await syncFolder(store, corpusDir);
    const taxonomy = await loadTaxonomy();
    const labels = new Map(gold.documents.map((g) => [g.file, g]));
    const compiled = scope ? compileScope(scope) : undefined;
    const rows: ThemePrecision[] = [];
    for (const theme of taxonomy) {
      const brief = { ...spec([theme]), ...(compiled ? { scope: compiled } : {}) };
      const corpus = await queryStore(store, {
        window: brief.window,
        undated: brief.undated,
        scope: compiled,
        themes: [theme],
        excerptsPerTheme: brief.limits.excerpts_per_theme,
        asOf: AS_OF,
      });
      const model = assembleBrief(brief, corpus, { asOf: AS_OF });
      const quoted = [
        ...model.keyPoints.filter((k) => k.themeIds.includes(theme.id)),
        ...model.sections.flatMap((s) => s.excerpts),
      ];
      rows.push({
        themeId: theme.id,
        quoted: quoted.length,
        precision: ratio(quoted.map((e) => labels.get(e.file)?.themes.includes(theme.id) ?? false)),
        corePrecision: ratio(
          quoted.map((e) => labels.get(e.file)?.core_themes?.includes(theme.id) ?? false),
        ),
        offTopic: quoted.filter((e) => labels.get(e.file)?.off_topic === true).length,
      });
    }
    return rows;
  } finally {
    await store.close();
  }
}
