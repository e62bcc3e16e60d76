import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { BriefError } from '../shared/errors.js';

export type TextTemplate = (context: object) => string;

const handlebars = Handlebars.create();

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

handlebars.registerHelper('date', (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? longDate.format(new Date(`${value}T00:00:00Z`))
    : String(value),
);
handlebars.registerHelper('number', (value: unknown) =>
  typeof value === 'number'
    ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 })
    : String(value),
);
/** {{currency 1090000000 "USD"}} → "US$1.09 billion": amounts as a reader says them. */
handlebars.registerHelper('currency', (value: unknown, code: unknown) => {
  const amount = Number(value);
  const currency = typeof code === 'string' ? code : 'USD';
  if (!Number.isFinite(amount)) return String(value);
  const [scaled, unit] =
    amount >= 1e9
      ? [amount / 1e9, ' billion']
      : amount >= 1e6
        ? [amount / 1e6, ' million']
        : [amount, ''];
  return `${new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(scaled)}${unit}`;
});
handlebars.registerHelper('plural', (count: unknown, singular: unknown, plural: unknown) => {
  const n = Number(count);
  const many = typeof plural === 'string' ? plural : `${String(singular)}s`;
  return `${n} ${n === 1 ? String(singular) : many}`;
});
handlebars.registerHelper('join', (items: unknown, key: unknown, separator: unknown) => {
  if (!Array.isArray(items)) return '';
  const sep = typeof separator === 'string' ? separator : ', ';
  return items
    .map((item: unknown) =>
      typeof key === 'string' && item && typeof item === 'object'
        ? String((item as Record<string, unknown>)[key])
        : String(item),
    )
    .join(sep);
});

/**
 * Compile a template's .hbs file. `strict` makes a field the model lacks an error instead of
 * an empty string; `noEscape` because the output is PDF text, not HTML. Corpus text reaches
 * a template only as data, so `{{` inside an article is printed, never evaluated.
 */
export async function compileTextTemplate(file: string): Promise<TextTemplate> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (cause) {
    throw new BriefError('TEMPLATE_INVALID', `missing template text file ${file}`, {
      file,
      hint: 'create the file, or point template.yaml "text:" at an existing .hbs file',
      cause,
    });
  }
  let compiled: HandlebarsTemplateDelegate;
  try {
    handlebars.parse(source);
    compiled = handlebars.compile(source, { strict: true, noEscape: true });
  } catch (cause) {
    throw templateError(file, cause);
  }
  return (context) => {
    try {
      return foldLines(compiled(context));
    } catch (cause) {
      throw templateError(file, cause);
    }
  };
}

function templateError(file: string, cause: unknown): BriefError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const position =
    /(?:line |- )(\d+)(?::| column )(\d+)/.exec(message) ?? /on line (\d+)/.exec(message);
  const missing = /"([^"]+)" not defined/.exec(message);
  return new BriefError(
    'TEMPLATE_INVALID',
    missing
      ? `the template uses "${missing[1]}", which the brief model does not have`
      : `template error: ${message.split('\n')[0]}`,
    {
      file,
      ...(position?.[1] ? { line: Number(position[1]) } : {}),
      ...(position?.[2] ? { column: Number(position[2]) + 1 } : {}),
      hint: missing
        ? 'see docs/template-context.md for the fields a template can use'
        : 'check the {{ }} expressions in this file',
      cause,
    },
  );
}

/**
 * Template authors wrap long lines freely: as in Markdown, a single line break is a space and
 * a blank line starts a new paragraph.
 */
export function foldLines(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .join('\n\n');
}
