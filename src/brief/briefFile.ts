import { z } from 'zod';
import { ThemeDefinition } from '../analysis/index.js';
import { ID_MAX_LENGTH, ID_PATTERN, ID_RULE } from '../shared/ids.js';

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

export const MARKINGS = [
  'TLP:CLEAR',
  'TLP:GREEN',
  'TLP:AMBER',
  'TLP:AMBER+STRICT',
  'TLP:RED',
] as const;

/** A hundred years: a longer look-back is a typing mistake, and past ±275,000 years a date. */
export const MAX_WINDOW_DAYS = 36_500;

const lastNDays = z
  .string()
  .regex(/^last-\d+-days$/, 'all, since-last-run, last-N-days or {from, to}')
  .refine((value) => {
    const days = Number(/\d+/.exec(value)?.[0]);
    return days >= 1 && days <= MAX_WINDOW_DAYS;
  }, `last-N-days counts from 1 to ${MAX_WINDOW_DAYS} days`);

export const WindowSpec = z.union([
  z.literal('all'),
  z.literal('since-last-run'),
  lastNDays,
  z
    .object({ from: isoDate, to: isoDate })
    .strict()
    .refine((range) => range.from <= range.to, {
      message: 'the window ends before it starts',
      path: ['to'],
    }),
]);

export const ScheduleSpec = z.union([
  z.string().min(1).describe('a cron expression, e.g. "0 7 * * MON" (time zone UTC)'),
  z
    .object({
      cron: z.string().min(1).describe('five-field cron expression, e.g. "0 7 * * MON"'),
      timezone: z.string().default('UTC').describe('IANA time zone, e.g. Europe/London'),
      catchup: z.enum(['latest', 'all', 'none']).default('latest'),
      on_empty: z.enum(['skip', 'note']).default('note'),
    })
    .strict(),
]);

/** An e-mail address as people write it; the SMTP server has the last word. */
const emailAddress = z
  .string()
  .regex(/^[^\s@<>,;]+@[^\s@<>,;]+$/, 'an e-mail address such as analyst@example.org');

const addressList = z.union([emailAddress.transform((a) => [a]), z.array(emailAddress)]);

/** Where a built brief goes; secrets (SMTP password, webhook key) come from the environment. */
export const DeliverySpec = z
  .object({
    email: z
      .object({
        to: addressList.pipe(z.array(emailAddress).min(1, 'at least one recipient')),
        cc: addressList.default([]),
        bcc: addressList.default([]),
        subject: z
          .string()
          .min(1)
          .optional()
          .describe('Handlebars template: {{title}}, {{subtitle}}, {{id}}, {{asOf}}'),
      })
      .strict()
      .optional(),
    webhook: z
      .object({
        url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
        include_pdf: z.boolean().default(false),
      })
      .strict()
      .optional(),
    folder: z
      .object({ path: z.string().min(1).describe('relative to the brief file') })
      .strict()
      .optional(),
    on_failure: emailAddress.optional().describe('who is told when the brief fails to build'),
  })
  .strict();

/** The brief YAML a user writes (briefs/<id>.yaml). Keys are snake_case. */
export const BriefFile = z
  .object({
    id: z
      .string()
      .regex(ID_PATTERN, `an id of ${ID_RULE}`)
      .max(ID_MAX_LENGTH, `an id of ${ID_RULE}`)
      .optional()
      .describe('defaults to the file name'),
    title: z.string().min(1).describe('printed on the cover and in every header'),
    subtitle: z.string().optional(),
    audience: z.string().default('analyst').describe('a template folder under templates/'),
    themes: z
      .array(z.union([z.string().min(1), ThemeDefinition]))
      .min(1, 'a brief needs at least one theme')
      .describe('theme ids or labels from the taxonomy, or inline theme definitions'),
    window: WindowSpec.default('all'),
    undated: z
      .enum(['exclude', 'include'])
      .default('exclude')
      .describe('whether articles with no published date count as inside a date window'),
    scope: z
      .object({
        all: z
          .array(z.string().min(1))
          .optional()
          .describe('the article must mention each of these'),
        any: z
          .array(z.string().min(1))
          .optional()
          .describe('the article must mention one of these'),
        not: z
          .array(z.string().min(1))
          .optional()
          .describe('the article must mention none of these'),
      })
      .strict()
      .optional()
      .describe('what the brief is about: names, terms or countries (with their other names)'),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as en, ru or ko'))
      .min(1)
      .optional()
      .describe(
        'quote only articles and paragraphs in these languages (ISO 639-1 codes); default: all',
      ),
    schedule: ScheduleSpec.optional(),
    delivery: DeliverySpec.optional(),
    marking: z
      .enum(MARKINGS)
      .optional()
      .describe('TLP 2.0 distribution marking printed on every page'),
    corpus: z.string().optional().describe('corpus folder, relative to the brief file'),
    taxonomy: z
      .string()
      .optional()
      .describe('a theme file laid over the shipped taxonomy, relative to the brief file'),
    limits: z
      .object({
        excerpts_per_theme: z.number().int().min(1).max(20).default(5),
        sentences_per_excerpt: z.number().int().min(1).max(3).default(1),
        facts: z.number().int().min(0).max(200).default(30),
        key_points: z.number().int().min(0).max(10).default(4),
      })
      .strict()
      .default({ excerpts_per_theme: 5, sentences_per_excerpt: 1, facts: 30, key_points: 4 }),
  })
  .strict();

export type BriefFile = z.infer<typeof BriefFile>;
export type WindowSpec = z.infer<typeof WindowSpec>;
export type DeliverySpec = z.infer<typeof DeliverySpec>;
