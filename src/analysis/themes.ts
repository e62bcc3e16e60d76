import { z } from 'zod';
import { packagePath } from '../shared/packageInfo.js';
import { readYamlFile, validateYaml } from '../shared/yamlFile.js';
import { termShape, type TermShape } from './tokens.js';

const WeightedTerms = z.record(z.string().min(1), z.number().min(0.1).max(5));
const TermList = z.array(z.string().min(1)).min(1);
/** An ISO 639-1 code such as en, ru, ko. */
const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as en, ru or ko');
const TermWeights = z.union([
  WeightedTerms,
  TermList,
  z.record(LanguageCode, z.union([WeightedTerms, TermList])),
]);
const AgainstTerms = z.union([
  z.array(z.string().min(1)),
  z.record(LanguageCode, z.array(z.string().min(1))),
]);

/** One theme, as written in the taxonomy file or inline in a brief. */
export const ThemeDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens'),
    label: z.string().min(1),
    description: z.string().default(''),
    iptc: z
      .string()
      .regex(/^medtop:\d{8}$/, 'an IPTC Media Topic id such as medtop:04000000')
      .optional()
      .describe('closest IPTC Media Topic'),
    gdelt: z
      .array(z.string().regex(/^[A-Z0-9_]+$/))
      .default([])
      .describe('closest GDELT GKG themes'),
    terms: TermWeights.describe(
      'term -> weight (1..3), a list of terms (weight 2 each), or either of these per language ({en: ..., ru: ...})',
    ),
    against: AgainstTerms.default([]),
  })
  .strict();

export const TaxonomyFile = z
  .object({ version: z.literal(1), themes: z.array(ThemeDefinition).min(1) })
  .strict();

export type ThemeDefinition = z.infer<typeof ThemeDefinition>;

export interface ThemeTerm {
  term: string;
  weight: number;
  /** The languages the term was written for; absent: any language of its script. */
  languages?: string[];
  shape: TermShape;
  /** Written with a capital ("Khasan"): a name, so a capitalised match is the point, not noise. */
  properNoun: boolean;
}

/** A theme ready for matching: its terms compiled to patterns. */
export interface Theme {
  id: string;
  label: string;
  description: string;
  iptc?: string;
  gdelt: string[];
  terms: ThemeTerm[];
  against: ThemeTerm[];
}

const DEFAULT_WEIGHT = 2;

/** A theme ready for matching, from its definition as written (defaults filled in here). */
export function compileTheme(definition: z.input<typeof ThemeDefinition>): Theme {
  return {
    id: definition.id,
    label: definition.label,
    description: definition.description ?? '',
    ...(definition.iptc ? { iptc: definition.iptc } : {}),
    gdelt: definition.gdelt ?? [],
    terms: compileTerms(writtenTerms(definition.terms)),
    against: compileTerms(writtenTerms(definition.against ?? [])),
  };
}

interface WrittenTerm {
  term: string;
  weight: number;
  language?: string;
}

type TermsInput = z.input<typeof TermWeights> | z.input<typeof AgainstTerms>;

/** The three ways to write terms (weighted map, list, either per language) as one list. */
function writtenTerms(terms: TermsInput, language?: string): WrittenTerm[] {
  const of = (term: string, weight: number): WrittenTerm =>
    language === undefined ? { term, weight } : { term, weight, language };
  if (Array.isArray(terms)) return terms.map((term) => of(term, DEFAULT_WEIGHT));
  return Object.entries(terms).flatMap(([key, value]) =>
    typeof value === 'number' ? [of(key, value)] : writtenTerms(value, key),
  );
}

/**
 * One ThemeTerm per term as written: "LNG" listed for English and German is one term for both
 * languages (at its higher weight), not two that would count each mention twice.
 */
function compileTerms(written: readonly WrittenTerm[]): ThemeTerm[] {
  const byTerm = new Map<string, { raw: string; weight: number; languages?: Set<string> }>();
  for (const { term, weight, language } of written) {
    const id = term.trim().toLowerCase();
    const seen = byTerm.get(id);
    if (!seen) {
      byTerm.set(id, {
        raw: term,
        weight,
        ...(language !== undefined ? { languages: new Set([language]) } : {}),
      });
      continue;
    }
    seen.weight = Math.max(seen.weight, weight);
    // Written once without a language: it is for every language of its script.
    if (language === undefined) delete seen.languages;
    else seen.languages?.add(language);
  }
  return [...byTerm.values()].map(({ raw, weight, languages }) =>
    compileTerm(raw, weight, languages && [...languages]),
  );
}

/** "explor*" → prefix; "rare earth" → phrase (space or hyphen); "worker" → also "workers". */
function compileTerm(raw: string, weight: number, languages?: string[]): ThemeTerm {
  const term = raw.trim().toLowerCase();
  return {
    term: term.endsWith('*') ? term.slice(0, -1) : term,
    weight,
    ...(languages ? { languages } : {}),
    shape: termShape(term, languages),
    properNoun: /\p{Lu}/u.test(raw),
  };
}

let shipped: Promise<Theme[]> | undefined;

/** The taxonomy that ships with briefgen (src/analysis/taxonomy.yaml). */
export function loadTaxonomy(): Promise<Theme[]> {
  shipped ??= readTaxonomy(packagePath('src', 'analysis', 'taxonomy.yaml'));
  return shipped;
}

/**
 * The shipped taxonomy with a user's taxonomy file laid over it: a theme with a known id
 * replaces the shipped one, a new id is added.
 */
export async function loadTaxonomyWith(file: string | undefined, display = file): Promise<Theme[]> {
  const shippedThemes = await loadTaxonomy();
  if (file === undefined) return shippedThemes;
  const own = await readTaxonomy(display ?? file, file);
  const byId = new Map(shippedThemes.map((t) => [t.id, t]));
  for (const theme of own) byId.set(theme.id, theme);
  return [...byId.values()];
}

export async function readTaxonomy(file: string, path = file): Promise<Theme[]> {
  const yaml = await readYamlFile(file, 'TAXONOMY_INVALID', path);
  return validateYaml(yaml, TaxonomyFile, 'TAXONOMY_INVALID').themes.map(compileTheme);
}
