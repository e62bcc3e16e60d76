import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTextTemplate, foldLines } from '../../src/render/textTemplates.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const dir = await useTempDirs('briefgen-hbs-')();
async function template(source: string) {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.hbs`);
  await writeFile(file, source);
  return { file, render: await compileTextTemplate(file) };
}

describe('template text (.hbs)', () => {
  it('prints data as text, never as markup or template code', async () => {
    const { render } = await template('Quote: {{text}}');
    expect(render({ text: '{{brief.title}} <b>x</b> &amp;' })).toBe(
      'Quote: {{brief.title}} <b>x</b> &amp;',
    );
  });
  it('reports a field the model lacks with the template file, line and column', async () => {
    const { file, render } = await template('Line one\nFor {{brief.reader}}.');
    expect(() => render({ brief: {} })).toThrowError(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', file, line: 2 }) as Error,
    );
  });
  it('reports a syntax error with its line', async () => {
    await expect(template('Hello\n{{#if x}}unclosed')).rejects.toMatchObject({
      code: 'TEMPLATE_INVALID',
      line: 2,
    });
  });
  it('offers helpers for dates, plurals and lists', async () => {
    const { render } = await template(
      '{{date d}}; {{plural n "source"}}; {{plural one "copy" "copies"}}; {{join items "label" " / "}}',
    );
    expect(render({ d: '2026-11-23', n: 3, one: 1, items: [{ label: 'A' }, { label: 'B' }] })).toBe(
      '23 November 2026; 3 sources; 1 copy; A / B',
    );
  });
  it('formats numbers and money as a reader says them', async () => {
    const { render } = await template(
      '{{number n}}; {{currency big "USD"}}; {{currency small "EUR"}}',
    );
    expect(render({ n: 1234567.891, big: 1090000000, small: 300000000 })).toBe(
      '1,234,567.89; US$1.09 billion; €300 million',
    );
  });
  it('folds single line breaks into spaces and keeps blank lines as paragraph breaks', () => {
    expect(foldLines('  one\n  two\n\n three  \n')).toBe('one two\n\nthree');
  });
});
