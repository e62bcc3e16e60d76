import { describe, expect, it } from 'vitest';
import { compileTheme, loadTaxonomy, scorePassage } from '../../src/analysis/index.js';

const taxonomy = await loadTaxonomy();
const theme = (id: string) => {
  const found = taxonomy.find((t) => t.id === id);
  if (!found) throw new Error(`no theme ${id}`);
  return found;
};

describe('the shipped taxonomy', () => {
  it('has the nine documented themes', () => {
    expect(taxonomy.map((t) => t.id)).toEqual([
      'energy-and-resources',
      'labour-and-sanctions',
      'military-and-security',
      'trade-and-finance',
      'infrastructure-and-transport',
      'food-and-agriculture',
      'diplomacy',
      'science-and-technology',
      'tourism-and-culture',
    ]);
  });
});

describe('scorePassage', () => {
  it('scores an on-theme sentence above an off-theme one', () => {
    const energy = theme('energy-and-resources');
    const on = scorePassage(
      'The two countries will explore offshore oil and natural gas deposits.',
      energy,
    );
    const off = scorePassage('The delegation visited a zoo and a church in the capital.', energy);
    expect(on.score).toBeGreaterThan(5);
    expect(off.score).toBe(0);
    expect(on.matchedTerms).toContain('natural gas');
  });
  it('saturates: repeating a term adds less each time', () => {
    const energy = theme('energy-and-resources');
    const once = scorePassage(
      'Oil exports rose this year, officials said at a briefing.',
      energy,
    ).score;
    const thrice = scorePassage(
      'Oil exports rose; oil prices rose; oil output rose at last.',
      energy,
    ).score;
    expect(thrice).toBeGreaterThan(once);
    expect(thrice).toBeLessThan(once * 2.2);
  });
  it('ignores a theme word used inside a proper name', () => {
    const labour = theme('labour-and-sanctions');
    expect(
      scorePassage('He met the minister at the Workers’ Party headquarters in the capital.', labour)
        .score,
    ).toBe(0);
    expect(
      scorePassage('Thousands of workers were sent to logging camps abroad.', labour).score,
    ).toBeGreaterThan(3);
  });
  it('lets terms that argue against a theme pull a passage down', () => {
    const energy = theme('energy-and-resources');
    expect(
      scorePassage('The energy hedge funds returned 8% on assets under management.', energy).score,
    ).toBe(0);
  });
  it('matches inline themes with prefixes and phrases', () => {
    const rail = compileTheme({
      id: 'rail',
      label: 'Railways',
      description: '',
      terms: ['railway*', 'Khasan', 'rail link'],
      against: [],
    });
    const result = scorePassage(
      'The Khasan-Rajin railways project adds a rail-link to the port.',
      rail,
    );
    expect(result.matchedTerms.sort()).toEqual(['khasan', 'rail link', 'railway']);
  });
});
