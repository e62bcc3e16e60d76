import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScope, inScope } from '../../src/analysis/index.js';
import type { BriefModel } from '../../src/model/index.js';
import { loadCorpus } from '../../src/store/index.js';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-scope-');
const article = (title: string, text: string) => ({
  title,
  text,
  language: 'en',
  paragraphs: [{ start: 0, end: text.length }],
});

describe('a brief scope', () => {
  it('knows a country by its other names, demonym and capital', () => {
    const scope = compileScope({ all: ['North Korea'] });
    const names = scope?.all[0]?.variants ?? [];
    expect(names).toEqual(
      expect.arrayContaining(['north korea', 'dprk', 'north korean', 'pyongyang']),
    );
    expect(
      scope && inScope(scope, article('Talks in Pyongyang', 'The delegation arrived on Monday.')),
    ).toBe(true);
    expect(
      scope && inScope(scope, article('Talks in Seoul', 'South Korean officials met on Monday.')),
    ).toBe(false);
  });

  it('all / any / not combine as written', () => {
    const scope = compileScope({ all: ['Russia'], any: ['oil', 'gas'], not: ['Norway'] });
    const check = (text: string) => (scope ? inScope(scope, article('', text)) : undefined);
    expect(check('Russian gas exports rose.')).toBe(true);
    expect(check('Russia and Norway discussed gas.')).toBe(false);
    expect(check('Russia held talks on fisheries.')).toBe(false);
  });

  it('an article outside the scope is never quoted and is counted on the cover', async () => {
    const dir = await tempDir();
    const corpus = join(dir, 'corpus');
    await mkdir(corpus);
    await writeFile(
      join(corpus, 'on-topic.txt'),
      'Pyongyang and Moscow sign oil deal\n\nRussia agreed to supply North Korea with oil and natural gas under a new energy agreement signed in Pyongyang on Monday, officials said.\n',
    );
    await writeFile(
      join(corpus, 'off-topic.txt'),
      'Norway expands offshore drilling\n\nNorway approved new oil and natural gas exploration licences in the North Sea on Monday, expanding offshore drilling by energy companies, officials said.\n',
    );
    await writeFile(
      join(dir, 'brief.yaml'),
      'title: Energy\nthemes: [energy and resources]\nscope: { all: [Russia, North Korea] }\n',
    );
    const result = await runBrief(
      [
        'build',
        join(dir, 'brief.yaml'),
        '--corpus',
        corpus,
        '--format',
        'json',
        '--as-of',
        '2026-11-22',
      ],
      {
        env: { BRIEFGEN_STORE: join(dir, 'store.sqlite') },
      },
    );
    expect(result.stderr).toBe('');
    const model = JSON.parse(result.stdout) as BriefModel;
    expect(model.sources.map((s) => s.docId)).toEqual(['on-topic']);
    expect(model.corpus.outOfScope).toBe(1);
    const quoted = [
      ...model.keyPoints.map((k) => k.text),
      ...model.sections.flatMap((s) => s.excerpts.map((e) => e.text)),
    ];
    expect(quoted.join(' ')).not.toMatch(/Norway/);
  });

  it('a scope key that is not all/any/not is a located error', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'brief.yaml'),
      'title: X\nthemes: [diplomacy]\nscope: { every: [Russia] }\n',
    );
    const result = await runBrief(['validate', join(dir, 'brief.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/brief\.yaml:3:\d+/);
  });
});

describe('a scope across languages', () => {
  it('knows a country by its names in the languages briefgen reads', async () => {
    const corpus = await loadCorpus(join(ROOT, 'test', 'fixtures', 'languages', 'corpus'));
    const scope = compileScope({ all: ['Russia', 'North Korea'] });
    const inside = corpus.documents.filter((d) => scope && inScope(scope, d)).map((d) => d.id);
    expect(inside).toEqual(
      expect.arrayContaining(['ru-bridge', 'ko-bridge', 'ar-debts', 'ja-power', 'zh-power']),
    );
    expect(inside).toEqual(expect.arrayContaining(['es-oil', 'pt-trade', 'cs-drills']));
  });

  it('takes a country written in another script', () => {
    const scope = compileScope({ all: ['Россия'] });
    expect(scope?.all[0]?.variants).toEqual(expect.arrayContaining(['russia', 'росс', '러시아']));
  });
});
