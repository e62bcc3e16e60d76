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

describe('collectEntities: names that were cut, split or misread', () => {
  const entitiesOf = (...texts: string[]) =>
    collectEntities(texts.map((text, i) => doc(`d${i}`, text)));
  const names = (kind: string, ...texts: string[]) =>
    entitiesOf(...texts)
      .filter((e) => e.kind === kind)
      .map((e) => e.name);

  it('keeps a three-part Korean name whole after a long title', () => {
    expect(
      people('North Korean Foreign Minister Choe Son Hui arrived in Moscow on Monday.'),
    ).toEqual([['Choe Son Hui', 'North Korean Foreign Minister']]);
    expect(
      people('South Korean Deputy Unification Minister Kim Nam Jung visited the border.'),
    ).toEqual([['Kim Nam Jung', 'South Korean Deputy Unification Minister']]);
  });
  it('does not list the capitalised place of a dateline as an organisation', () => {
    const organisations = names(
      'organisation',
      'SEOUL — North Korea fired a ballistic missile into the sea on Monday, the military said.',
      'SEOUL (AP) — North Korea fired another missile on Tuesday.',
      'MOSCOW, March 3 (Reuters) - Russia will ship more wheat, the ministry said.',
      'NEW YORK (AP) -- The council met on Friday. NATO said it was watching.',
    );
    expect(organisations).not.toContain('SEOUL');
    expect(organisations).not.toContain('MOSCOW');
    expect(organisations).not.toContain('NEW');
    expect(organisations).not.toContain('YORK');
    expect(organisations).toContain('NATO');
  });
  it('lists the Soviet Union as a (former) place, not an organisation', () => {
    const texts = [
      'The Soviet Union built the first power station in the city in 1965.',
      'Trade with the USSR collapsed after 1991.',
    ];
    expect(names('organisation', ...texts)).toEqual([]);
    const place = entitiesOf(...texts).find((e) => e.kind === 'place' && e.name === 'Soviet Union');
    expect(place?.aliases).toEqual(['USSR']);
    expect(place?.mentions).toHaveLength(2);
  });
  it('merges two names with one acronym when one contains the other', () => {
    const organisations = entitiesOf(
      'The National Intelligence Service (NIS) said the workers arrived in May.',
      'The South Korean National Intelligence Service (NIS) told lawmakers on Tuesday. The NIS gave no figures.',
    ).filter((e) => e.kind === 'organisation');
    expect(organisations).toHaveLength(1);
    expect(organisations[0]).toMatchObject({
      name: 'National Intelligence Service',
      acronym: 'NIS',
      aliases: ['South Korean National Intelligence Service'],
    });
    expect(organisations[0]?.mentions).toHaveLength(3);
  });
});

describe('place names', () => {
  it('the built list (dist/place-names.json) is the lexicon it was read from', async () => {
    const { loadPlaceNames, placeNamesFromLexicon } =
      await import('../../src/analysis/entities/placeNames.js');
    const built = loadPlaceNames();
    expect(built).toEqual(placeNamesFromLexicon());
    expect(built).toEqual(expect.arrayContaining(['pyongyang', 'vladivostok', 'siberia']));
  });
});

describe('a person named in two scripts', () => {
  const entities = (text: string) =>
    collectEntities([{ docId: 'd', text, sentences: [{ start: 0, end: text.length }] }]).filter(
      (e) => e.kind === 'person',
    );

  it('is one entity, named in Latin letters, with the Cyrillic or Hangul spelling beside it', () => {
    expect(
      entities(
        'Министр иностранных дел России Сергей Лавров (Sergei Lavrov) назвал соглашение важным.',
      ),
    ).toContainEqual(
      expect.objectContaining({ name: 'Sergei Lavrov', aliases: ['Сергей Лавров'] }),
    );
    expect(
      entities('블라디미르 푸틴(Vladimir Putin) 러시아 대통령은 지난해 평양을 방문했다.'),
    ).toContainEqual(
      expect.objectContaining({ name: 'Vladimir Putin', aliases: ['블라디미르 푸틴'] }),
    );
  });

  it('joins the Latin name the text already knows, written first', () => {
    const found = entities(
      'North Korean leader Kim Jong Un (김정은) received the minister. Kim Jong Un said the talks went well.',
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        name: 'Kim Jong Un',
        aliases: ['김정은'],
        role: expect.any(String) as string,
      }),
    );
  });

  it('pairs no country or organisation', () => {
    expect(entities('북한(North Korea)과 러시아 외무성(Foreign Ministry)이 회담했다.')).toEqual([]);
  });
});
