import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile, mkdir, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIEF_MODEL_VERSION } from '../../src/model/index.js';
import { loadCorpus } from '../../src/store/index.js';
import { readGold } from '../../scripts/evaluate.js';
import { ROOT, runBrief } from '../helpers/cli.js';
import { readPdf, type PdfContent } from '../helpers/readPdf.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const gold = await readGold(join(ROOT, 'test', 'fixtures', 'seeds-gold.yaml'));
const tmp = useTempDirs('briefgen-cli-');

describe('brief build briefs/energy-and-resources.yaml', () => {
  let out: string;
  let pdf: PdfContent;
  const path = () => join(out, 'energy-and-resources', 'energy-and-resources-2026-11-22.pdf');

  beforeAll(async () => {
    out = await tmp();
    const result = await runBrief([
      'build',
      'briefs/energy-and-resources.yaml',
      '--out',
      out,
      '--as-of',
      '2026-11-22',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    pdf = await readPdf(path());
  });

  it('writes one PDF at <out>/<id>/<id>-<as-of>.pdf and says where', async () => {
    expect(await readdir(join(out, 'energy-and-resources'))).toEqual([
      'energy-and-resources-2026-11-22.pdf',
    ]);
  });
  it('carries the brief title in the text and the metadata', () => {
    expect(pdf.text).toContain('Russia–DPRK energy and resources');
    expect(pdf.info.Title).toBe('Russia–DPRK energy and resources');
  });
  it('quotes at least three excerpts, each citing a source listed at the end', () => {
    const quotes = [...pdf.text.matchAll(/”\s*\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    const sources = pdf.pages.at(-1) ?? '';
    for (const n of quotes) expect(sources).toContain(`[${n}]`);
  });
  it('prints no boilerplate and no advert figures', () => {
    const markers = Object.values(gold.boilerplate_markers).flat();
    expect(markers.filter((m) => pdf.text.includes(m))).toEqual([]);
    expect(gold.never_facts.filter((f) => pdf.text.includes(f))).toEqual([]);
  });
  it('gives byte-identical PDFs for the same inputs and --as-of', async () => {
    const again = await tmp();
    await runBrief([
      'build',
      'briefs/energy-and-resources.yaml',
      '--out',
      again,
      '--as-of',
      '2026-11-22',
    ]);
    const a = await readFile(path());
    const b = await readFile(
      join(again, 'energy-and-resources', 'energy-and-resources-2026-11-22.pdf'),
    );
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('brief build --format json', () => {
  it('prints a BriefModel that validates against the published schema, with verbatim excerpts and facts', async () => {
    const result = await runBrief([
      'build',
      'briefs/labour-and-sanctions.yaml',
      '--format',
      'json',
      '--as-of',
      '2026-11-22',
    ]);
    expect(result.code).toBe(0);
    const model = JSON.parse(result.stdout) as {
      keyPoints: { text: string; docId: string; file: string; start: number; end: number }[];
      sections: {
        excerpts: { text: string; docId: string; file: string; start: number; end: number }[];
      }[];
      facts: {
        kind: string;
        value: string;
        text: string;
        docId: string;
        start: number;
        end: number;
      }[];
    };
    const schema = JSON.parse(
      await readFile(
        join(ROOT, 'docs', 'schema', `brief-model-${BRIEF_MODEL_VERSION}.schema.json`),
        'utf8',
      ),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true);

    const corpus = await loadCorpus(join(ROOT, 'corpus'));
    const texts = new Map(corpus.documents.map((d) => [d.id, d.text]));
    const excerpts = [...model.keyPoints, ...model.sections.flatMap((s) => s.excerpts)];
    expect(excerpts.length).toBeGreaterThanOrEqual(3);
    for (const item of [...excerpts, ...model.facts]) {
      expect(texts.get(item.docId)?.slice(item.start, item.end)).toBe(item.text);
    }
  });
});

describe('bad input', () => {
  const cases: [string, string, RegExp][] = [
    [
      'YAML syntax error',
      'title: "unclosed\nthemes: [diplomacy]\n',
      /bad\.yaml:\d+:\d+: error: YAML syntax error/,
    ],
    [
      'unknown key',
      'title: T\nthemes: [diplomacy]\nthemse: [x]\n',
      /bad\.yaml:3:1: error: unknown key "themse"[\s\S]*valid keys/,
    ],
    [
      'unknown theme',
      'title: T\nthemes: [energy and resource]\n',
      /bad\.yaml:2:10: error: unknown theme[\s\S]*did you mean "energy and resources"/,
    ],
    [
      'unknown template',
      'title: T\nthemes: [diplomacy]\naudience: analist\n',
      /bad\.yaml:3:11: error: unknown audience template[\s\S]*did you mean "analyst"/,
    ],
    [
      'missing corpus',
      'title: T\nthemes: [diplomacy]\ncorpus: nowhere\n',
      /bad\.yaml:3:9: error: corpus folder "nowhere" does not exist/,
    ],
  ];
  for (const [name, yaml, message] of cases) {
    it(`${name}: one located message, exit 2, no stack trace`, async () => {
      const dir = await tmp();
      await writeFile(join(dir, 'bad.yaml'), yaml);
      const result = await runBrief(['build', 'bad.yaml', '--out', join(dir, 'out')], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }
  it('a --corpus folder that does not exist: exit 2 naming the folder', async () => {
    const result = await runBrief([
      'build',
      'briefs/energy-and-resources.yaml',
      '--corpus',
      'no-such-corpus',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-corpus: error: corpus folder .* does not exist/);
  });
  it('an unknown flag: exit 2 with a suggestion', async () => {
    const result = await runBrief(['build', 'briefs', '--as_of', '2026-01-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean --as-of?');
  });
  it('a binary corpus file: a warning naming it, and the brief is still built', async () => {
    const dir = await tmp();
    await cp(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
    await writeFile(
      join(dir, 'corpus', 'scan.txt'),
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]),
    );
    const result = await runBrief(
      [
        'build',
        join(ROOT, 'briefs', 'energy-and-resources.yaml'),
        '--corpus',
        'corpus',
        '--out',
        'out',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: scan\.txt: skipped: binary/);
    expect(existsSync(join(dir, 'out', 'energy-and-resources'))).toBe(true);
  });
});

describe('no partial PDFs', () => {
  it('a render that fails leaves nothing at the final path and no temporary file', async () => {
    const dir = await tmp();
    await mkdir(join(dir, 'templates'));
    await cp(join(ROOT, 'templates', 'analyst'), join(dir, 'templates', 'broken'), {
      recursive: true,
    });
    await writeFile(
      join(dir, 'templates', 'broken', 'cover.hbs'),
      'Prepared for {{brief.reader}}.\n',
    );
    const result = await runBrief(
      [
        'build',
        join(ROOT, 'briefs', 'energy-and-resources.yaml'),
        '--template',
        'broken',
        '--corpus',
        join(ROOT, 'corpus'),
        '--out',
        'out',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cover\.hbs:1:\d+: error: the template uses "reader"/);
    const written = existsSync(join(dir, 'out'))
      ? await readdir(join(dir, 'out'), { recursive: true })
      : [];
    expect(written.filter((f) => String(f).endsWith('.pdf') || String(f).endsWith('.tmp'))).toEqual(
      [],
    );
  });
});

describe('brief build --template', () => {
  const tempDir = useTempDirs('briefgen-cli-template-');
  const buildEnergy = (out: string, ...args: string[]) =>
    runBrief([
      'build',
      'briefs/energy-and-resources.yaml',
      '--out',
      out,
      '--as-of',
      '2026-11-22',
      ...args,
    ]);

  it("writes <id>-<as-of>-<template>.pdf, leaving the brief's own PDF for that day alone; stale temporary files of dead writers are removed", async () => {
    const out = await tempDir();
    const folder = join(out, 'energy-and-resources');
    expect((await buildEnergy(out)).code).toBe(0);
    const own = await readFile(join(folder, 'energy-and-resources-2026-11-22.pdf'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const stale = `.energy-and-resources-2026-11-22.pdf.${dead.stdout.toString()}.0123456789ab.tmp`;
    await writeFile(join(folder, stale), 'half a PDF');

    const result = await buildEnergy(out, '--template', 'executive');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('energy-and-resources-2026-11-22-executive.pdf');
    expect((await readdir(folder)).sort()).toEqual([
      'energy-and-resources-2026-11-22-executive.pdf',
      'energy-and-resources-2026-11-22.pdf',
    ]);
    expect(
      Buffer.compare(own, await readFile(join(folder, 'energy-and-resources-2026-11-22.pdf'))),
    ).toBe(0);
    const executive = await readPdf(join(folder, 'energy-and-resources-2026-11-22-executive.pdf'));
    expect(executive.numPages).toBeLessThanOrEqual(2);
  });
  it("a --template that is the brief's own audience writes the usual name", async () => {
    const out = await tempDir();
    expect((await buildEnergy(out, '--template', 'analyst')).code).toBe(0);
    expect(await readdir(join(out, 'energy-and-resources'))).toEqual([
      'energy-and-resources-2026-11-22.pdf',
    ]);
  });
});

describe('brief --help and --version', () => {
  it('lists the commands and exits 0', async () => {
    const result = await runBrief(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/build[\s\S]*validate/);
  });
  it('prints the package version', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect((await runBrief(['--version'])).stdout.trim()).toBe(version);
  });
});
