import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs('briefgen-init-');

const STARTER_FILES = [
  'briefs/my-brief.yaml',
  'templates/my-template/changes.hbs',
  'templates/my-template/cover.hbs',
  'templates/my-template/disclaimer.hbs',
  'templates/my-template/section-intro.hbs',
  'templates/my-template/template.yaml',
  'corpus/.README',
];

describe('brief init', () => {
  it('writes a starter brief, a copy of the analyst template and an empty corpus folder', async () => {
    const project = join(await tempDir(), 'my-project');
    const result = await runBrief(['init', project]);
    expect(result.code).toBe(0);
    for (const file of STARTER_FILES) {
      expect(result.stdout).toContain(`created ${join(project, file)}`);
      expect(existsSync(join(project, file)), file).toBe(true);
    }
    const template = await readFile(join(project, 'templates/my-template/template.yaml'), 'utf8');
    expect(template).toMatch(/^# my-template: a copy of briefgen's analyst template/);
    expect(template).toMatch(/^name: my-template$/m);
    // Nothing in corpus/ is read as an article: the note is a dot-file.
    expect((await readdir(join(project, 'corpus'))).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('writes a brief that validates and builds against the sample corpus, with the template', async () => {
    const project = await tempDir();
    expect((await runBrief(['init'], { cwd: project })).code).toBe(0);
    const validate = await runBrief(['validate', 'briefs/my-brief.yaml'], { cwd: project });
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('ok briefs/my-brief.yaml  (my-brief: energy-and-resources');
    const templates = await runBrief(['templates'], { cwd: project });
    expect(templates.stdout).toMatch(/^my-template {2}/m);
    const build = await runBrief(
      [
        'build',
        'briefs/my-brief.yaml',
        '--corpus',
        join(ROOT, 'corpus'),
        '--template',
        'my-template',
        '--as-of',
        '2026-11-22',
      ],
      { cwd: project },
    );
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const pdf = join(project, 'output/my-brief/my-brief-2026-11-22-my-template.pdf');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('never overwrites a file, and says which ones it skipped', async () => {
    const project = await tempDir();
    expect((await runBrief(['init'], { cwd: project })).code).toBe(0);
    await writeFile(join(project, 'briefs/my-brief.yaml'), 'title: Mine\nthemes: [diplomacy]\n');
    const again = await runBrief(['init'], { cwd: project });
    expect(again.code).toBe(0);
    for (const file of STARTER_FILES) expect(again.stdout).toContain(`skipped ${file} (it exists)`);
    expect(again.stdout).toContain('0 files created, 7 skipped');
    expect(await readFile(join(project, 'briefs/my-brief.yaml'), 'utf8')).toBe(
      'title: Mine\nthemes: [diplomacy]\n',
    );
  });

  it('refuses a folder that is a file', async () => {
    const project = await tempDir();
    await writeFile(join(project, 'taken'), '');
    const result = await runBrief(['init', 'taken'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('taken: error: taken is a file, not a folder');
  });
});
