import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb');

export const BLOCKS = [
  'cover',
  'key-points',
  'sections',
  'facts',
  'timeline',
  'people',
  'sources',
] as const;

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
    colors: z
      .object({
        accent: colour.default('#1f3a5f'),
        text: colour.default('#1a1a1a'),
        muted: colour.default('#5f6b7a'),
        rule: colour.default('#c9d2dc'),
        quote_background: colour.default('#f4f6f9'),
      })
      .strict()
      .default({
        accent: '#1f3a5f',
        text: '#1a1a1a',
        muted: '#5f6b7a',
        rule: '#c9d2dc',
        quote_background: '#f4f6f9',
      }),
    blocks: z.array(z.enum(BLOCKS)).min(1).describe('which blocks, in which order'),
    text: z
      .object({
        cover: z.string().describe('.hbs file for the words on the cover'),
        section_intro: z.string().describe('.hbs file printed under each section heading'),
        disclaimer: z.string().describe('.hbs file printed at the foot of the cover'),
      })
      .strict(),
  })
  .strict();

export type TemplateFile = z.infer<typeof TemplateFile>;
export type Block = (typeof BLOCKS)[number];
