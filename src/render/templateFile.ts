import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb');

/** The blocks a template can lay out, in the order it names them. */
export const BLOCKS = [
  'cover',
  'masthead',
  'toc',
  'key-points',
  'changes',
  'sections',
  'digest',
  'facts',
  'coverage',
  'timeline',
  'people',
  'sources',
] as const;

const DEFAULT_COLOURS = {
  accent: '#1f3a5f',
  text: '#1a1a1a',
  muted: '#5f6b7a',
  rule: '#c9d2dc',
  quote_background: '#f4f6f9',
};

/** templates/<name>/template.yaml: the layout and the words' files; no code. */
export const TemplateFile = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    page: z
      .object({
        size: z.enum(['A4', 'LETTER', 'LEGAL', 'A5']).default('A4'),
        margin: z.number().min(18).max(108).default(56).describe('points; 72 points = 1 inch'),
      })
      .strict()
      .default({ size: 'A4', margin: 56 }),
    fonts: z
      .object({
        size: z.number().min(7).max(14).default(10.5).describe('body text size in points'),
        body: z.enum(['serif', 'sans']).default('serif'),
      })
      .strict()
      .default({ size: 10.5, body: 'serif' }),
    colors: z
      .object({
        accent: colour.default(DEFAULT_COLOURS.accent),
        text: colour.default(DEFAULT_COLOURS.text),
        muted: colour.default(DEFAULT_COLOURS.muted),
        rule: colour.default(DEFAULT_COLOURS.rule),
        quote_background: colour.default(DEFAULT_COLOURS.quote_background),
      })
      .strict()
      .default(DEFAULT_COLOURS),
    sections: z
      .enum(['full', 'compact'])
      .default('full')
      .describe(
        'full: kicker, title, description, intro and boxed quotes; compact: a title line and plain quotes',
      ),
    logo: z
      .string()
      .optional()
      .describe('a PNG or JPEG in the template folder, printed on the cover or masthead'),
    blocks: z.array(z.enum(BLOCKS)).min(1).describe('which blocks, in which order'),
    limits: z
      .object({
        excerpts_per_theme: z.number().int().min(1).max(20).optional(),
        key_points: z.number().int().min(0).max(10).optional(),
        facts: z.number().int().min(0).max(200).optional(),
        sources_on_new_page: z.boolean().default(true),
      })
      .strict()
      .default({ sources_on_new_page: true })
      .describe('the most of each the template prints; the brief decides what is chosen'),
    text: z
      .object({
        cover: z.string().optional().describe('.hbs file for the words on the cover or masthead'),
        section_intro: z
          .string()
          .optional()
          .describe('.hbs file printed under each section heading'),
        disclaimer: z
          .string()
          .optional()
          .describe(
            '.hbs file printed at the foot of the cover, or after the last block without one',
          ),
        footer: z
          .string()
          .optional()
          .describe('.hbs file for the left of every footer (default: the as-of date)'),
        changes: z
          .string()
          .optional()
          .describe(
            '.hbs file printed under the "What changed" heading (default: a sentence of counts)',
          ),
      })
      .strict()
      .default({}),
  })
  .strict();

export type TemplateFile = z.infer<typeof TemplateFile>;
export type Block = (typeof BLOCKS)[number];
