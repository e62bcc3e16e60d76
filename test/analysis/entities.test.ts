import { describe, expect, it } from 'vitest';
import { collectEntities, extractPeople, initials } from '../../src/analysis/index.js';

const doc = (docId: string, text: string) => ({
  docId,
  text,
  sentences: [{ start: 0, end: text.length }],
});
const people = (text: string) =>
  extractPeople(text, [{ start: 0, end: text.length }]).map((p) => [p.name, p.role]);

describe('extractPeople', () => {
  it('reads a role written after the name', () => {
    expect(
      people('Alexander Kozlov, the Russian Minister of Natural Resources, arrived on Monday.'),
    ).toEqual([['Alexander Kozlov', 'Russian Minister of Natural Resources']]);
  });
  it('reads a role written before the name, with a comma', () => {
    expect(
      people('North Korean Minister of External Economic Relations, Yun Jong-ho, met him.'),
    ).toEqual([['Yun Jong-ho', 'North Korean Minister of External Economic Relations']]);
  });
  it('reads a title just before the name', () => {
    expect(
      people('He met Russian President Vladimir Putin and Foreign Minister Choe Son Hui.'),
    ).toEqual([
      ['Vladimir Putin', 'Russian President'],
      ['Choe Son Hui', 'Foreign Minister'],
    ]);
  });
  it('does not take a ministry or a country for a person', () => {
    expect(
      people('The Minister of Natural Resources visited North Korea and South Korea.'),
    ).toEqual([]);
  });
});

describe('collectEntities', () => {
  const entities = collectEntities([
    doc(
      'a',
      'North Korean leader Kim Jong-un met Russian President Vladimir Putin. The Korean Central News Agency reported it.',
    ),
    doc(
      'b',
      'Kim Jong Un said the talks went well, KCNA reported. Putin said nothing. Russia and the Russian Federation agreed.',
    ),
  ]);
  const find = (name: string) => entities.find((e) => e.name === name);

  it('merges spellings of one person and counts a surname alone as that person', () => {
    expect(find('Kim Jong Un')).toMatchObject({
      kind: 'person',
      aliases: ['Kim Jong-un'],
      role: 'North Korean leader',
    });
    expect(find('Vladimir Putin')?.aliases).toEqual(['Putin']);
    expect(find('Vladimir Putin')?.mentions).toHaveLength(2);
  });
  it('links an acronym to the organisation whose initials it spells', () => {
    expect(find('Korean Central News Agency')).toMatchObject({
      kind: 'organisation',
      acronym: 'KCNA',
    });
    expect(find('Korean Central News Agency')?.mentions).toHaveLength(2);
    expect(initials('National Intelligence Service')).toBe('NIS');
  });
  it('merges a country’s names', () => {
    const russia = entities.filter(
      (e) => e.kind === 'place' && ['Russia', 'Russian Federation'].includes(e.name),
    );
    expect(russia).toHaveLength(1);
    expect(russia[0]?.mentions).toHaveLength(2);
  });
});
