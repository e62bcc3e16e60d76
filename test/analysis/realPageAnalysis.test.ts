import { describe, expect, it } from 'vitest';
import {
  collectEntities,
  extractFacts,
  extractOrganisations,
  extractPlaces,
} from '../../src/analysis/index.js';
import { splitSentences } from '../../src/corpus/index.js';

/** Sentences written for issue 10, in the shapes real news pages use. */
const spans = (text: string) => splitSentences(text);
const quantities = (text: string) =>
  extractFacts(text, spans(text))
    .filter((f) => f.kind === 'quantity')
    .map((f) => [f.text, f.value]);
const entities = (text: string) => collectEntities([{ docId: 'd', text, sentences: spans(text) }]);
const person = (text: string, name: string) =>
  entities(text).find((e) => e.kind === 'person' && e.name === name);

describe('quantities with units and number words', () => {
  it('reads number words, scales and words between the number and its unit', () => {
    const text =
      'Officials said four million barrels were shipped. Over 10,000 new Northern workers arrived, with over 3 million artillery shells and 500,000 122-millimeter shells. Some ten thousand containers and 26 shadow fleet vessels were counted.';
    expect(quantities(text)).toEqual([
      ['four million barrels', '4,000,000 barrels'],
      ['10,000 new Northern workers', '10,000 workers'],
      ['3 million artillery shells', '3,000,000 shells'],
      ['500,000 122-millimeter shells', '500,000 shells'],
      ['ten thousand containers', '10,000 containers'],
      ['26 shadow fleet vessels', '26 vessels'],
    ]);
  });
  it('reads a quantity used as an adjective and a hyphenated scale', () => {
    expect(quantities('The country stayed under the 500,000-barrel annual cap.')).toEqual([
      ['500,000-barrel', '500,000 barrels'],
    ]);
    expect(quantities('The line carried 832-thousand tons of coal.')).toEqual([
      ['832-thousand tons', '832,000 tons'],
    ]);
  });
  it('does not join a number to a unit across a verb or a year to the words after it', () => {
    expect(quantities('Of the 5,000 who came, most were workers.')).toEqual([]);
    expect(quantities('In 2019 Northern workers left the port.')).toEqual([]);
    expect(quantities('She bought a house for the workers.')).toEqual([]);
  });
});

describe('dates without a year', () => {
  it('are dated by the publication year, or the year before when they would lie far ahead', () => {
    const text =
      'The minister said on Aug. 27 that talks would resume. The law took effect on Dec. 30.';
    const dates = extractFacts(text, spans(text), { published: '2026-01-10' })
      .filter((f) => f.kind === 'date')
      .map((f) => [f.text, f.date]);
    expect(dates).toEqual([
      ['Aug. 27', '2025-08-27'],
      ['Dec. 30', '2025-12-30'],
    ]);
  });
});

describe('people whose role comes before the name', () => {
  it('reads a role with an "of" phrase and a country in the possessive, and keeps the name whole', () => {
    const text =
      'U.S. Secretary of State Anna Lindqvist met the delegation on Friday. The Republic’s Foreign Minister Park Soo-jin said talks would go on. Swedish representative Tobias Ekholm agreed. Sen. Robert Alder of Ohio objected.';
    expect(person(text, 'Anna Lindqvist')?.role).toBe('U.S. Secretary of State');
    expect(person(text, 'Park Soo-jin')?.role).toBe('Republic’s Foreign Minister');
    expect(person(text, 'Tobias Ekholm')?.role).toBe('Swedish representative');
    expect(person(text, 'Robert Alder')?.role).toBe('Sen.');
  });
});

describe('organisations introduced by their kind, and places that are not organisations', () => {
  it('finds news agencies, newspapers and companies named by an apposition or a citing verb', () => {
    const text =
      'The figures come from research by Kestrel, an international security research company, and the newspaper Daily Meridian reported them. Two of the largest energy corporations, Northgas and Eastoil, sold fuel. The Harbour Post reported the sale.';
    const names = extractOrganisations(text, spans(text)).map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['Kestrel', 'Daily Meridian', 'Northgas', 'Eastoil', 'Harbour Post']),
    );
  });
  it('reads the agency of a dateline as an organisation', () => {
    const text = 'MARSEILLE (Harbour Wire) - The port reopened on Monday.';
    expect(extractOrganisations(text, spans(text)).map((o) => o.name)).toContain('Harbour Wire');
  });
  it('finds cities and regions from a gazetteer, capitalised regions and parts of the world', () => {
    const text =
      'Ships left Marseille for Vladivostok and Siberia, in the Far Eastern Amur Region, and some went on to the Middle East.';
    const names = extractPlaces(text, spans(text)).map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['Marseille', 'Vladivostok', 'Siberia', 'Amur Region', 'Middle East']),
    );
  });
  it('does not take a city in an organisation’s name for a place', () => {
    const text = 'The Marseille City Court ruled on the case.';
    expect(extractPlaces(text, spans(text)).map((p) => p.name)).not.toContain('Marseille');
  });
});
