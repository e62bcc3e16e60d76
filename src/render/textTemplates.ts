import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { BriefError } from '../shared/errors.js';

/** Where a template's own messages go: `{{log}}` and Handlebars' warnings, as (file, message). */
export type TemplateWarn = (file: string, message: string) => void;

export type TextTemplate = (context: object, warn?: TemplateWarn) => string;

const handlebars = Handlebars.create();

/**
 * Handlebars writes `{{log}}` output and its prototype-access warnings straight to the console,
 * where they would interleave with the CLI's own output. Evaluation is synchronous, so the
 * template being evaluated can own the log while it runs and hand the lines to the reporter.
 */
let currentLog: ((message: string) => void) | undefined;

function logThrough(...parts: unknown[]): void {
  const message = parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
  currentLog?.(message.join(' '));
}

handlebars.logger.log = (_level: unknown, ...parts: unknown[]) => {
  const denied = /Access has been denied to resolve the property "([^"]+)"/.exec(String(parts[0]));
  if (denied)
    currentLog?.(
      `the template reads "${denied[1]}", which is not a field of the brief model, and prints nothing for it (see docs/template-context.md)`,
    );
  else logThrough(...parts);
};
handlebars.registerHelper('log', (...args: unknown[]) => {
  logThrough('{{log}}:', ...args.slice(0, -1));
});

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
  return (context, warn) => {
    currentLog = (message) => warn?.(file, message);
    // Handlebars reports each denied property once per process; every brief should hear of it.
    (
      handlebars as unknown as { resetLoggedPropertyAccesses(): void }
    ).resetLoggedPropertyAccesses();
    try {
      return foldLines(compiled(context));
    } catch (cause) {
      throw templateError(file, cause);
    } finally {
      currentLog = undefined;
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
