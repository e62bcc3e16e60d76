import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/analysis/index.js';

const facts = (text: string) =>
  extractFacts(text, [{ start: 0, end: text.length }]).map((f) => ({
    kind: f.kind,
    value: f.value,
    text: f.text,
  }));

describe('extractFacts', () => {
  it('normalises money to a currency code and a full amount', () => {
    expect(facts('It will invest the remaining $1.09bn in ports.')).toEqual([
      { kind: 'money', value: 'USD 1,090,000,000', text: '$1.09bn' },
    ]);
    expect(facts('Moscow cancelled almost US $10 billion of debt.')[0]).toMatchObject({
      value: 'USD 10,000,000,000',
      text: 'US $10 billion',
    });
    expect(facts('A €5m grant and 300 million roubles.').map((f) => f.value)).toEqual([
      'EUR 5,000,000',
      'RUB 300,000,000',
    ]);
    expect(facts('Trade reached USD 2.5 billion.')[0]?.value).toBe('USD 2,500,000,000');
  });
  it('does not read the article "a" as an Australian dollar', () => {
    expect(facts('They signed a $10 billion deal.')[0]).toMatchObject({
      value: 'USD 10,000,000,000',
      text: '$10 billion',
    });
  });
  it('finds percentages and years, but not a year inside a figure', () => {
    expect(facts('In 2014 it wrote off 90%, or 2,014 tonnes, of $2014 owed.')).toEqual([
      { kind: 'year', value: '2014', text: '2014' },
      { kind: 'percent', value: '90%', text: '90%' },
      { kind: 'quantity', value: '2,014 tonnes', text: '2,014 tonnes' },
      { kind: 'money', value: 'USD 2,014', text: '$2014' },
    ]);
  });
  it('finds quantities with their units', () => {
    expect(
      facts('Output rose to 120,000 barrels per day and 1.5 million tonnes of grain.'),
    ).toEqual([
      { kind: 'quantity', value: '120,000 barrels per day', text: '120,000 barrels per day' },
      { kind: 'quantity', value: '1,500,000 tonnes', text: '1.5 million tonnes' },
    ]);
  });
  it('normalises written dates and resolves a weekday against the publication date', () => {
    const text = 'They met on Tuesday, after talks on 13 September 2023 and in March 2021.';
    const found = extractFacts(text, [{ start: 0, end: text.length }], { published: '2023-12-14' });
    expect(found.filter((f) => f.kind === 'date').map((f) => [f.text, f.date])).toEqual([
      ['Tuesday', '2023-12-12'],
      ['13 September 2023', '2023-09-13'],
      ['March 2021', '2021-03'],
    ]);
  });
  it('gives offsets that point at the figure as written', () => {
    const text = 'Trade was just $100 million in 2013.';
    for (const fact of extractFacts(text, [{ start: 0, end: text.length }])) {
      expect(text.slice(fact.start, fact.end)).toBe(fact.text);
    }
  });
});

describe('facts in Russian text', () => {
  const facts = (text: string) =>
    extractFacts(text, [{ start: 0, end: text.length }]).map(({ kind, value, text: written }) => ({
      kind,
      value,
      text: written,
    }));

  it('reads money with a decimal comma and a scale word in any case', () => {
    expect(facts('Стоимость проекта оценивается в 9,5 миллиардов рублей.')).toContainEqual({
      kind: 'money',
      value: 'RUB 9,500,000,000',
      text: '9,5 миллиардов рублей',
    });
    expect(facts('Кредит составит 1,2 млрд долларов.')).toContainEqual(
      expect.objectContaining({ kind: 'money', value: 'USD 1,200,000,000' }),
    );
  });

  it('reads percentages written as "процента" or with a decimal comma and %', () => {
    const found = facts('Товарооборот вырос на 33,7 процента, а экспорт на 12,5%.');
    expect(found).toContainEqual({ kind: 'percent', value: '33.7%', text: '33,7 процента' });
    expect(found).toContainEqual({ kind: 'percent', value: '12.5%', text: '12,5%' });
    expect(found.filter((f) => f.value === '7%' || f.value === '5%')).toEqual([]);
  });

  it('reads dates with genitive months, and quantities with their units', () => {
    const found = facts(
      'Соглашение подписано 19 июня 2024 года; в июне 2024 года КНДР получила 100 тысяч тонн пшеницы и 10 000 рабочих.',
    );
    expect(found).toContainEqual({ kind: 'date', value: '2024-06-19', text: '19 июня 2024 года' });
    expect(found).toContainEqual({ kind: 'date', value: '2024-06', text: 'июне 2024 года' });
    expect(found).toContainEqual({
      kind: 'quantity',
      value: '100,000 tonnes',
      text: '100 тысяч тонн',
    });
    expect(found).toContainEqual({
      kind: 'quantity',
      value: '10,000 workers',
      text: '10 000 рабочих',
    });
  });
});
