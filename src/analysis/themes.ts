import { z } from 'zod';
import { packagePath } from '../shared/packageInfo.js';
import { readYamlFile, validateYaml } from '../shared/yamlFile.js';
import { termShape, type TermShape } from './tokens.js';

const TermWeights = z.union([
  z.record(z.string().min(1), z.number().min(0.1).max(5)),
  z.array(z.string().min(1)).min(1),
]);

/** One theme, as written in the taxonomy file or inline in a brief. */
export const ThemeDefinition = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and hyphens'),
    label: z.string().min(1),
    description: z.string().default(''),
    terms: TermWeights.describe('term -> weight (1..3), or a list of terms (weight 2 each)'),
    against: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const TaxonomyFile = z
  .object({ version: z.literal(1), themes: z.array(ThemeDefinition).min(1) })
  .strict();

export type ThemeDefinition = z.infer<typeof ThemeDefinition>;

export interface ThemeTerm {
  term: string;
  weight: number;
  shape: TermShape;
  /** Written with a capital ("Khasan"): a name, so a capitalised match is the point, not noise. */
  properNoun: boolean;
}

/** A theme ready for matching: its terms compiled to patterns. */
export interface Theme {
  id: string;
  label: string;
  description: string;
  terms: ThemeTerm[];
  against: ThemeTerm[];
}

const DEFAULT_WEIGHT = 2;

export function compileTheme(definition: ThemeDefinition): Theme {
  const weights = Array.isArray(definition.terms)
    ? definition.terms.map((term) => [term, DEFAULT_WEIGHT] as const)
    : Object.entries(definition.terms);
  return {
    id: definition.id,
    label: definition.label,
    description: definition.description,
    terms: weights.map(([term, weight]) => compileTerm(term, weight)),
    against: definition.against.map((term) => compileTerm(term, DEFAULT_WEIGHT)),
  };
}

/** "explor*" → prefix; "rare earth" → phrase (space or hyphen); "worker" → also "workers". */
function compileTerm(raw: string, weight: number): ThemeTerm {
  const term = raw.trim().toLowerCase();
  return {
    term: term.endsWith('*') ? term.slice(0, -1) : term,
    weight,
    shape: termShape(term),
    properNoun: /\p{Lu}/u.test(raw),
  };
}

let shipped: Promise<Theme[]> | undefined;

/** The taxonomy that ships with briefgen (src/analysis/taxonomy.yaml). */
export function loadTaxonomy(): Promise<Theme[]> {
  shipped ??= readTaxonomy(packagePath('src', 'analysis', 'taxonomy.yaml'));
  return shipped;
}

export async function readTaxonomy(file: string): Promise<Theme[]> {
  const yaml = await readYamlFile(file, 'TAXONOMY_INVALID');
  return validateYaml(yaml, TaxonomyFile, 'TAXONOMY_INVALID').themes.map(compileTheme);
}
