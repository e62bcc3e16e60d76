import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-explain-cli-');

const ARTICLES: Record<string, string> = {
  'spring.txt': `Rail link to Rajin reopens

Officials said the railway would also carry containers from the port of Rajin to the border station at Khasan within a month.
The mayor thanked the engineers who worked through the winter in difficult conditions.
`,
  'summer.txt': `Coal trains cross the border again

The railway from Khasan to the port of Rajin now carries coal and timber every week, traders in Vladivostok said.
A new ferry terminal at the port is planned for next spring, the regional government announced in a statement.
`,
  'manifest.yaml': `files:
  spring.txt: { published: 2026-03-02 }
  summer.txt: { published: 2026-07-06 }
`,
};

const railBrief = (window: string) => `title: Rail
themes:
  - {id: rail, label: Railways and ports, terms: {railway*: 3, port: 2, Khasan: 2, Rajin: 2}}
window: ${window}
corpus: corpus
limits:
  excerpts_per_theme: 3
  key_points: 0
`;

interface ExplanationJson {
  briefId: string;
  window: string;
  themes: {
    theme: { id: string; label: string };
    passages: { file: string; text: string; score: number; verdict: { kind: string } }[];
  }[];
}

describe('brief explain', () => {
  let project: string;
  beforeAll(async () => {
    project = await tempDir();
    await mkdir(join(project, 'corpus'));
    for (const [name, text] of Object.entries(ARTICLES))
      await writeFile(join(project, 'corpus', name), text);
    await writeFile(join(project, 'rail.yaml'), railBrief('all'));
    await writeFile(join(project, 'summer.yaml'), railBrief('{from: 2026-06-01, to: 2026-08-31}'));
  });

  it('explains a theme written inline in the brief: score, terms and verdict per passage', async () => {
    const result = await runBrief(['explain', 'rail.yaml', '--as-of', '2026-11-22'], {
      cwd: project,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Railways and ports (rail): 2 quoted');
    expect(result.stdout).toMatch(/ {2}1\. \d+\.\d\d {2}\S+\.txt {2}QUOTED as excerpt x\d \[\d\]/);
    expect(result.stdout).toMatch(/terms: railway \+\d\.\d\d, .*khasan \+\d\.\d\d/);
    expect(result.stdout).toMatch(
      /\d\.\d\d {2}summer\.txt {2}not quoted: below the threshold \(2\.5\)\n.*\n {5}“A new ferry terminal/,
    );
  });

  it("keeps to the brief's window: a document published outside it is not a candidate", async () => {
    const explain = async (brief: string) => {
      const result = await runBrief(['explain', brief, '--json', '--as-of', '2026-11-22'], {
        cwd: project,
      });
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as ExplanationJson;
    };
    const all = await explain('rail.yaml');
    const summer = await explain('summer.yaml');
    const files = (e: ExplanationJson) => new Set(e.themes[0]?.passages.map((p) => p.file));
    expect([...files(all)].sort()).toEqual(['spring.txt', 'summer.txt']);
    expect([...files(summer)]).toEqual(['summer.txt']);
    expect(summer.window).toContain('2026-06-01');
  });

  it('explains one theme of a brief, named by its label as in a brief', async () => {
    const result = await runBrief(
      ['explain', 'briefs/weekly-overview.yaml', 'Trade and Finance', '--top', '2'],
      { cwd: ROOT },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Trade and finance (trade-and-finance):');
    expect(result.stdout).not.toContain('(diplomacy)');
  });

  it('suggests the closest theme of the brief for a misspelt one', async () => {
    const result = await runBrief(['explain', 'rail.yaml', 'railways and port'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rail.yaml: error: rail has no theme "railways and port"');
    expect(result.stderr).toContain('did you mean "railways and ports"?');
  });

  it('refuses a bad --top or a missing brief with a usage error', async () => {
    const top = await runBrief(['explain', 'rail.yaml', '--top', '0'], { cwd: project });
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('--top "0" is not a positive whole number');
    const none = await runBrief(['explain'], { cwd: project });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no brief given');
  });
});

describe('brief themes explain points to brief explain', () => {
  it('for a brief file given as the theme', async () => {
    const result = await runBrief(['themes', 'explain', 'briefs/weekly-overview.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'hint: to see why a brief quoted what it quoted: brief explain briefs/weekly-overview.yaml',
    );
  });
  it('for a theme that is not in the taxonomy (it may be written inline in a brief)', async () => {
    const result = await runBrief(['themes', 'explain', 'railways and ports']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('brief explain <brief.yaml> <theme>');
  });
});
