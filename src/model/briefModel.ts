import { z } from 'zod';

/**
 * The BriefModel is the one seam of the pipeline: analysis and assembly produce it, rendering
 * consumes it, and `brief build --format json` prints it. It is plain data. Its JSON Schema is
 * published in docs/schema/ and versioned by `schemaVersion`; change both together.
 */
export const BRIEF_MODEL_VERSION = '1.1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

export const SourceRef = z
  .object({
    docId: z.string().describe('Stable id of the cleaned source document'),
    file: z.string().describe('Corpus file the document came from, relative to the corpus folder'),
    start: z
      .number()
      .int()
      .nonnegative()
      .describe('Offset of the first character in the cleaned text'),
    end: z
      .number()
      .int()
      .nonnegative()
      .describe('Offset just past the last character in the cleaned text'),
    citation: z.number().int().positive().describe('Number of the entry in `sources`'),
  })
  .strict();

export const Excerpt = SourceRef.extend({
  id: z.string(),
  text: z
    .string()
    .describe('Verbatim substring of the cleaned source: text === cleaned.slice(start, end)'),
  language: z
    .string()
    .optional()
    .describe('Language of the quoted passage (ISO 639-1), e.g. "en", "ru"'),
  score: z.number().describe('Relevance to the section theme'),
  matchedTerms: z.array(z.string()).describe('Theme terms that matched, strongest first'),
}).strict();

export const FactKind = z.enum(['money', 'percent', 'quantity', 'date', 'year']);

export const Fact = SourceRef.extend({
  id: z.string(),
  kind: FactKind,
  value: z.string().describe('Normalised value, e.g. "USD 1,090,000,000", "90%", "2014"'),
  text: z.string().describe('The figure as written in the source (verbatim)'),
  sentence: z.string().describe('The sentence that states the fact (verbatim)'),
  amount: z.number().optional().describe('Numeric value for money, percent and quantity'),
  currency: z.string().optional().describe('ISO 4217 code for money'),
  unit: z.string().optional().describe('Unit of a quantity, e.g. "tonnes", "barrels", "workers"'),
  date: z
    .string()
    .optional()
    .describe('ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for date and year facts'),
}).strict();

export const KeyPoint = SourceRef.extend({
  id: z.string(),
  text: z.string().describe('Verbatim sentence(s) from the cleaned source'),
  language: z.string().optional().describe('Language of the quoted passage (ISO 639-1)'),
  themeIds: z.array(z.string()).describe('Brief themes the point serves'),
}).strict();

export const EntityKind = z.enum(['person', 'organisation', 'place']);

export const Entity = z
  .object({
    id: z.string(),
    kind: EntityKind,
    name: z.string().describe('Canonical name, e.g. "Park Min Jun"'),
    aliases: z
      .array(z.string())
      .describe('Other spellings merged into this entity, e.g. "Park Min-jun"'),
    role: z.string().optional().describe('Role as stated in the corpus, for people'),
    acronym: z.string().optional().describe('For organisations, e.g. "CSA"'),
    mentions: z.number().int().nonnegative(),
    citations: z
      .array(z.number().int().positive())
      .describe(
        'Sources that mention the entity (at most a few: those the brief already cites first)',
      ),
    moreCitations: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('How many more documents mention the entity than are listed in citations'),
  })
  .strict();

export const TimelineEvent = SourceRef.extend({
  id: z.string(),
  date: z.string().describe('YYYY, YYYY-MM or YYYY-MM-DD'),
  text: z.string().describe('Verbatim sentence that states the event'),
}).strict();

export const Section = z
  .object({
    themeId: z.string(),
    label: z.string(),
    description: z.string(),
    excerpts: z.array(Excerpt),
  })
  .strict();

export const Source = z
  .object({
    citation: z.number().int().positive(),
    docId: z.string(),
    file: z.string(),
    title: z.string(),
    language: z.string().optional().describe('Language of the article (ISO 639-1)'),
    url: z.string().optional(),
    publisher: z.string().optional(),
    published: isoDate.optional(),
    truncated: z.boolean(),
    alsoReportedBy: z.array(
      z.object({ docId: z.string(), file: z.string(), title: z.string() }).strict(),
    ),
  })
  .strict();

/** A story the brief cites: one of its sources, with the copies that report the same story. */
export const Story = z
  .object({
    citation: z.number().int().positive().describe('Number of the entry in `sources`'),
    docId: z.string(),
    title: z.string(),
    previousCitation: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("For a continuing story: its number in the previous brief's sources"),
  })
  .strict();

export const FigureChange = z
  .object({
    kind: FactKind,
    subject: z
      .object({
        measure: z
          .string()
          .describe('What the figure counts: the currency, the unit of a quantity, or "%"'),
        words: z
          .array(z.string())
          .describe(
            'The words around the figure that both sentences share, as written now (stop words left out)',
          ),
      })
      .strict()
      .describe('Why the two figures are taken to be the same subject'),
    before: Fact.describe(
      "The figure in the previous brief, as it was kept: its citation numbers that brief's sources",
    ),
    beforeSource: Source.describe("The previous brief's source of the earlier figure"),
    now: Fact.describe("The figure in this brief (also in `facts`), cited in this brief's sources"),
  })
  .strict();

export const Changes = z
  .object({
    previous: z
      .object({
        asOf: isoDate,
        generator: z.string(),
      })
      .strict()
      .optional()
      .describe(
        'The brief compared with: the latest kept one of the same id with an earlier as-of; absent for the first',
      ),
    newStories: z
      .array(Story)
      .describe('Sources cited now whose story the previous brief did not cite'),
    continuingStories: z
      .array(Story)
      .describe('Sources cited now whose story the previous brief cited too'),
    changedFigures: z
      .array(FigureChange)
      .describe(
        'Money, shares and quantities on the same subject as one in the previous brief, with another value',
      ),
  })
  .strict();

export const BriefModel = z
  .object({
    schemaVersion: z.literal(BRIEF_MODEL_VERSION),
    generator: z.string().describe('"briefgen <version>"'),
    brief: z
      .object({
        id: z.string(),
        title: z.string(),
        subtitle: z.string().optional(),
        audience: z.string().describe('Template the brief is written for'),
        asOf: isoDate,
        marking: z.string().optional(),
        window: z.string().describe('Human-readable time window, e.g. "all documents"'),
        languages: z
          .array(z.string())
          .optional()
          .describe('The languages the brief quotes, when it is restricted to some (ISO 639-1)'),
        themes: z.array(z.object({ id: z.string(), label: z.string() }).strict()),
      })
      .strict(),
    corpus: z
      .object({
        documents: z.number().int().nonnegative(),
        quotable: z.number().int().nonnegative().describe('Canonical documents inside the window'),
        duplicates: z.number().int().nonnegative(),
        skippedFiles: z.number().int().nonnegative(),
        outOfScope: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe("Documents in the window left out by the brief's scope (when it has one)"),
        languages: z
          .record(z.string(), z.number().int().nonnegative())
          .optional()
          .describe('The articles the brief drew on (retrieved for its themes), by language'),
      })
      .strict(),
    keyPoints: z.array(KeyPoint).describe('Bottom line up front: the most important developments'),
    sections: z.array(Section),
    facts: z.array(Fact),
    entities: z
      .array(Entity)
      .describe('People, organisations and places, merged across the corpus'),
    timeline: z.array(TimelineEvent).describe('Dated events, oldest first'),
    sources: z.array(Source),
    changes: Changes.describe('What changed since the previous brief of the same id'),
  })
  .strict();

/**
 * What a later brief reads of a kept one to compare with it: the fields every 1.x model has,
 * so a model kept by an earlier briefgen (or carrying fields added since) still compares.
 */
export const EarlierBrief = z.looseObject({
  schemaVersion: z.string().regex(/^1\./, 'a 1.x BriefModel'),
  generator: z.string(),
  brief: z.looseObject({ id: z.string(), asOf: isoDate }),
  sources: z.array(Source),
  facts: z.array(Fact),
});

export type SourceRef = z.infer<typeof SourceRef>;
export type Excerpt = z.infer<typeof Excerpt>;
export type FactKind = z.infer<typeof FactKind>;
export type Fact = z.infer<typeof Fact>;
export type Section = z.infer<typeof Section>;
export type Source = z.infer<typeof Source>;
export type KeyPoint = z.infer<typeof KeyPoint>;
export type EntityKind = z.infer<typeof EntityKind>;
export type Entity = z.infer<typeof Entity>;
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export type Story = z.infer<typeof Story>;
export type FigureChange = z.infer<typeof FigureChange>;
export type Changes = z.infer<typeof Changes>;
export type BriefModel = z.infer<typeof BriefModel>;
export type EarlierBrief = z.infer<typeof EarlierBrief>;

/** The published JSON Schema (draft 2020-12) of the BriefModel. */
export function briefModelJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://briefgen.dev/schema/brief-model-${BRIEF_MODEL_VERSION}.json`,
    title: 'BriefModel',
    ...z.toJSONSchema(BriefModel, { target: 'draft-2020-12' }),
  };
}
