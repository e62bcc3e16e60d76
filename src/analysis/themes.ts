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
    iptc: z
      .string()
      .regex(/^medtop:\d{8}$/, 'an IPTC Media Topic id such as medtop:04000000')
      .optional()
      .describe('closest IPTC Media Topic'),
    gdelt: z
      .array(z.string().regex(/^[A-Z0-9_]+$/))
      .default([])
      .describe('closest GDELT GKG themes'),
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
  iptc?: string;
  gdelt: string[];
  terms: ThemeTerm[];
  against: ThemeTerm[];
}

const DEFAULT_WEIGHT = 2;

/** A theme ready for matching, from its definition as written (defaults filled in here). */
export function compileTheme(definition: z.input<typeof ThemeDefinition>): Theme {
  const weights = Array.isArray(definition.terms)
    ? definition.terms.map((term) => [term, DEFAULT_WEIGHT] as const)
    : Object.entries(definition.terms);
  return {
    id: definition.id,
    label: definition.label,
    description: definition.description ?? '',
    ...(definition.iptc ? { iptc: definition.iptc } : {}),
    gdelt: definition.gdelt ?? [],
    terms: weights.map(([term, weight]) => compileTerm(term, weight)),
    against: (definition.against ?? []).map((term) => compileTerm(term, DEFAULT_WEIGHT)),
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
