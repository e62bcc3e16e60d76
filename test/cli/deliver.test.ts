import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runBrief } from '../helpers/cli.js';
import { useTempDirs } from '../schedule/tempDirs.js';
import { closedPort, startSmtpServer, startWebhookServer } from '../deliver/servers.js';

const tmp = useTempDirs('briefgen-deliver-');
const SECRET = 'test-webhook-secret';
const NOW = '2026-11-16T07:05:00Z';
const PDF = join('out', 'weekly', 'weekly-2026-11-16.pdf');
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A weekly brief on the sample corpus with the delivery given, in a project folder of its own. */
async function project(delivery: string[], extra: string[] = []): Promise<string> {
  const dir = await tmp();
  await mkdir(join(dir, 'briefs'));
  const brief = [
    'title: Russia–DPRK weekly overview',
    'themes: [energy and resources, diplomacy]',
    `corpus: ${join(ROOT, 'corpus')}`,
    "schedule: {cron: '0 7 * * MON', timezone: Europe/London}",
    'marking: TLP:GREEN',
    ...extra,
    'delivery:',
    ...delivery.map((line) => `  ${line}`),
  ];
  await writeFile(join(dir, 'briefs', 'weekly.yaml'), brief.join('\n') + '\n');
  return dir;
}

async function started<T extends { close: () => Promise<void> }>(server: Promise<T>): Promise<T> {
  const ready = await server;
  closers.push(ready.close);
  return ready;
}

const run = (dir: string, env: Record<string, string>) =>
  runBrief(['run', '--due', '--now', NOW, '--out', 'out'], {
    cwd: dir,
    env: { BRIEFGEN_WEBHOOK_SECRET: SECRET, BRIEFGEN_WEBHOOK_RETRY_MS: '20,40,80', ...env },
  });

interface StateFile {
  briefs: Record<string, { lastRun: string; delivery?: { pending: string[]; delivered: object } }>;
  failureNotices?: Record<string, string>;
}
const readState = async (dir: string) =>
  JSON.parse(
    await readFile(join(dir, 'out', '.briefgen', 'schedule-state.json'), 'utf8'),
  ) as StateFile;

describe('brief run --due with delivery', () => {
  it('mails the brief with its marking, both bodies and the PDF, posts a signed webhook through two 503s, and copies the PDF', async () => {
    const smtp = await started(startSmtpServer());
    const hook = await started(startWebhookServer(SECRET, { failFirst: 2 }));
    const dir = await project([
      'email: {to: [desk@example.org, chief@example.org], cc: [archive@example.org]}',
      `webhook: {url: '${hook.url}', include_pdf: true}`,
      'folder: {path: ../shared-briefs}',
    ]);
    const result = await run(dir, {
      BRIEFGEN_SMTP_URL: smtp.url,
      BRIEFGEN_SMTP_FROM: 'Briefgen <briefs@example.org>',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('weekly: delivered 2026-11-16 by email');
    const pdf = await readFile(join(dir, PDF));

    expect(smtp.messages).toHaveLength(1);
    const { mail, envelopeTo } = smtp.messages[0]!;
    expect(envelopeTo.sort()).toEqual(
      ['archive@example.org', 'chief@example.org', 'desk@example.org'].sort(),
    );
    expect(mail.subject).toBe('[TLP:GREEN] Russia–DPRK weekly overview — 2026-11-16');
    expect(mail.from?.text).toContain('briefs@example.org');
    expect(mail.text).toContain('TLP:GREEN');
    expect(mail.text).toMatch(/Energy and resources: \d+ excerpts?/);
    expect(mail.text).toMatch(/Diplomacy: \d+ excerpts?/);
    expect(mail.text).toContain('Key points');
    expect(mail.html).toContain('<h2>Key points</h2>');
    expect(mail.html).toMatch(/<li>Diplomacy: \d+ excerpts?<\/li>/);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('weekly-2026-11-16.pdf');
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);

    expect(hook.calls.map((c) => c.status)).toEqual([503, 503, 200]);
    expect(hook.calls.every((c) => c.signatureValid)).toBe(true);
    expect(hook.accepted).toHaveLength(1);
    const body = hook.accepted[0]!;
    expect(body).toMatchObject({
      id: 'weekly',
      asOf: '2026-11-16',
      title: 'Russia–DPRK weekly overview',
      pdf: PDF,
    });
    expect((body.keyPoints as string[]).length).toBeGreaterThan(0);
    expect(Buffer.from(body.pdfBase64 as string, 'base64').equals(pdf)).toBe(true);

    const copy = await readFile(join(dir, 'shared-briefs', 'weekly-2026-11-16.pdf'));
    expect(copy.equals(pdf)).toBe(true);
    const entry = (await readState(dir)).briefs.weekly!;
    expect(entry.delivery?.pending).toEqual([]);
    expect(Object.keys(entry.delivery?.delivered ?? {}).sort()).toEqual([
      'email',
      'folder',
      'webhook',
    ]);

    const again = await run(dir, {
      BRIEFGEN_SMTP_URL: smtp.url,
      BRIEFGEN_SMTP_FROM: 'briefs@example.org',
    });
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe('nothing due');
    expect(smtp.messages).toHaveLength(1);
    expect(hook.accepted).toHaveLength(1);
  });

  it('a receiver that is down: exit 1 naming the delivery, the PDF kept, and the next call delivers it without rebuilding', async () => {
    const smtp = await started(startSmtpServer());
    const port = await closedPort();
    const dir = await project([
      'email: {to: desk@example.org}',
      `webhook: {url: 'http://127.0.0.1:${port}/hooks/brief'}`,
    ]);
    const env = { BRIEFGEN_SMTP_URL: smtp.url, BRIEFGEN_SMTP_FROM: 'briefs@example.org' };
    const first = await run(dir, env);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(
      'weekly (as of 2026-11-16): the webhook delivery failed; the PDF is kept',
    );
    expect(first.stderr).toMatch(
      new RegExp(
        `127\\.0\\.0\\.1:${port}/hooks/brief could not be reached \\(ECONNREFUSED\\) after 4 attempts`,
      ),
    );
    expect(smtp.messages).toHaveLength(1);
    const before = {
      bytes: await readFile(join(dir, PDF)),
      mtime: (await stat(join(dir, PDF))).mtimeMs,
    };
    const failed = (await readState(dir)).briefs.weekly!;
    expect(failed.lastRun).toBe('2026-11-16T07:00:00.000Z');
    expect(failed.delivery?.pending).toEqual(['webhook']);

    const dry = await runBrief(['run', '--due', '--dry-run', '--now', NOW, '--out', 'out'], {
      cwd: dir,
    });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      'weekly: would deliver 2026-11-16 by webhook again, from the PDF it kept',
    );
    expect((await readState(dir)).briefs.weekly?.delivery?.pending).toEqual(['webhook']);

    const hook = await started(startWebhookServer(SECRET, { port }));
    const second = await run(dir, env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('weekly: delivered 2026-11-16 by webhook');
    expect(second.stdout).not.toContain('built');
    expect(hook.accepted).toHaveLength(1);
    expect(hook.accepted[0]).toMatchObject({ id: 'weekly', asOf: '2026-11-16', pdf: PDF });
    expect(hook.accepted[0]).not.toHaveProperty('pdfBase64');
    expect(smtp.messages).toHaveLength(1);
    expect((await stat(join(dir, PDF))).mtimeMs).toBe(before.mtime);
    expect((await readFile(join(dir, PDF))).equals(before.bytes)).toBe(true);
    const delivered = (await readState(dir)).briefs.weekly!;
    expect(delivered.delivery?.pending).toEqual([]);
    expect(Object.keys(delivered.delivery?.delivered ?? {}).sort()).toEqual(['email', 'webhook']);
  });

  it('a pending delivery the brief no longer has is dropped, not retried for ever', async () => {
    const port = await closedPort();
    const dir = await project([`webhook: {url: 'http://127.0.0.1:${port}/'}`]);
    expect((await run(dir, {})).code).toBe(1);
    const brief = join(dir, 'briefs', 'weekly.yaml');
    const text = await readFile(brief, 'utf8');
    await writeFile(brief, text.replace(/webhook: .*/, 'folder: {path: ../inbox}'));
    const next = await run(dir, {});
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(
      'weekly: webhook delivery of 2026-11-16 dropped: the brief no longer has it',
    );
    expect((await readState(dir)).briefs.weekly?.delivery?.pending).toEqual([]);
  });

  it('a newer slot is built and delivered even while the delivery of an older slot still fails', async () => {
    const dir = await project(['folder: {path: ../inbox}']);
    await writeFile(join(dir, 'inbox'), 'a file where the folder should be');
    const first = await run(dir, {});
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/the folder delivery failed[^]*could not copy the PDF to .*inbox/);

    const nextWeek = (now: string) =>
      runBrief(['run', '--due', '--now', now, '--out', 'out'], { cwd: dir });
    const second = await nextWeek('2026-11-23T07:05:00Z');
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(
      'weekly: folder delivery of 2026-11-16 given up: a newer slot is built',
    );
    expect(second.stdout).toContain('weekly: built out/weekly/weekly-2026-11-23.pdf');

    await rm(join(dir, 'inbox'));
    const third = await nextWeek('2026-11-23T07:05:00Z');
    expect(third.code).toBe(0);
    expect(third.stdout.trim()).toBe('weekly: delivered 2026-11-23 by folder');
    expect(existsSync(join(dir, 'inbox', 'weekly-2026-11-23.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'inbox', 'weekly-2026-11-16.pdf'))).toBe(false);
  });

  it('a webhook answering 4xx fails at once, without retries', async () => {
    const hook = await started(startWebhookServer('another secret'));
    const dir = await project([`webhook: {url: '${hook.url}'}`]);
    const result = await run(dir, {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${hook.url} answered 401 Unauthorized`);
    expect(hook.calls).toHaveLength(1);
  });

  it('names the missing SMTP setting and keeps the mail for the next call', async () => {
    const dir = await project(['email: {to: desk@example.org}']);
    const result = await run(dir, { BRIEFGEN_SMTP_URL: '', BRIEFGEN_SMTP_FROM: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the email delivery failed');
    expect(result.stderr).toContain('error: the environment variable BRIEFGEN_SMTP_URL is not set');
    expect(result.stderr).toContain('hint: e-mail delivery needs the SMTP server');
    expect((await readState(dir)).briefs.weekly?.delivery?.pending).toEqual(['email']);
  });

  it('tells on_failure once when the brief fails to build', async () => {
    const smtp = await started(startSmtpServer());
    const dir = await project(
      ['email: {to: desk@example.org}', 'on_failure: ops@example.org'],
      ['audience: broken'],
    );
    await cp(join(ROOT, 'templates', 'analyst'), join(dir, 'templates', 'broken'), {
      recursive: true,
    });
    await writeFile(join(dir, 'templates', 'broken', 'cover.hbs'), '{{brief.nonexistent}}\n');
    const env = { BRIEFGEN_SMTP_URL: smtp.url, BRIEFGEN_SMTP_FROM: 'briefs@example.org' };
    const first = await run(dir, env);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/weekly \(as of 2026-11-16\) failed/);
    expect(smtp.messages).toHaveLength(1);
    const { mail, envelopeTo } = smtp.messages[0]!;
    expect(envelopeTo).toEqual(['ops@example.org']);
    expect(mail.subject).toBe('[TLP:GREEN] FAILED: Russia–DPRK weekly overview — 2026-11-16');
    expect(mail.text).toMatch(/cover\.hbs:1:\d+: error/);

    const second = await run(dir, env);
    expect(second.code).toBe(1);
    expect(smtp.messages).toHaveLength(1);
  });
});

describe('brief build --deliver and --format html', () => {
  it('--deliver sends the PDF it builds on every channel of the brief', async () => {
    const dir = await project(['folder: {path: ../inbox}']);
    const result = await runBrief(
      ['build', 'briefs/weekly.yaml', '--as-of', '2026-11-16', '--out', 'out', '--deliver'],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const copy = await readFile(join(dir, 'inbox', 'weekly-2026-11-16.pdf'));
    expect(copy.equals(await readFile(join(dir, PDF)))).toBe(true);
  });

  it('--deliver exits 1 naming the delivery that failed and why', async () => {
    const dir = await project(['email: {to: desk@example.org}']);
    const result = await runBrief(
      ['build', 'briefs/weekly.yaml', '--as-of', '2026-11-16', '--out', 'out', '--deliver'],
      { cwd: dir, env: { BRIEFGEN_SMTP_URL: 'smtp://127.0.0.1:1', BRIEFGEN_SMTP_FROM: '' } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('brief: weekly: the email delivery failed');
    expect(result.stderr).toContain('the environment variable BRIEFGEN_SMTP_FROM is not set');
    expect(existsSync(join(dir, PDF))).toBe(true);
  });

  it('--format html writes the HTML edition beside where the PDF goes', async () => {
    const dir = await project(['folder: {path: ../inbox}']);
    const result = await runBrief(
      ['build', 'briefs/weekly.yaml', '--as-of', '2026-11-16', '--out', 'out', '--format', 'html'],
      { cwd: dir },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = await readFile(join(dir, 'out', 'weekly', 'weekly-2026-11-16.html'), 'utf8');
    expect(html).toContain('<h1>Russia–DPRK weekly overview</h1>');
    expect(html).toContain('>TLP:GREEN<');
    expect(html).toContain('<h2 id="sources">Sources</h2>');
    expect(html).toMatch(/<a class="cite" href="#source-1"/);
    expect(html).toContain('<li id="source-1" value="1">');
    expect(existsSync(join(dir, 'inbox'))).toBe(false);
  });

  it('a webhook that is not http(s) is an input error at its place', async () => {
    const dir = await project(['webhook: {url: "ftp://example.org/"}']);
    const result = await runBrief(['validate', 'briefs/weekly.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /briefs\/weekly\.yaml:7:\d+: error: an http:\/\/ or https:\/\/ URL at "delivery\.webhook\.url"/,
    );
  });

  it('a brief with a bad subject template is an input error at its line and column', async () => {
    const dir = await project(['email: {to: desk@example.org, subject: "{{titel}} weekly"}']);
    const result = await runBrief(['validate', 'briefs/weekly.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /briefs\/weekly\.yaml:7:\d+: error: the e-mail subject template: "titel" not defined/,
    );
  });
});
