import { describe, expect, it } from 'vitest';
import { workerId } from '../../src/schedule/index.js';
import { PgScheduleStore } from '../../src/schedule/pgScheduleStore.js';
import { hasPostgres, sql, useDatabases } from '../helpers/postgres.js';

const newDatabase = useDatabases();

const run = (lastRun: string) => ({
  lastRun,
  finishedAt: '2026-11-23T07:00:03.000Z',
  output: 'out/weekly/weekly-2026-11-23.pdf',
  asOf: '2026-11-23',
  worker: workerId(),
  startedAt: '2026-11-23T07:00:01.500Z',
  durationMs: 1500,
});

describe.skipIf(!hasPostgres)('the schedule state in PostgreSQL', () => {
  it('gives a brief to one worker at a time, and to the next once it is released', async () => {
    const url = await newDatabase();
    const [a, b] = await Promise.all([PgScheduleStore.open(url), PgScheduleStore.open(url)]);
    const first = await a.claim('weekly');
    expect(first).toBeDefined();
    expect(await b.claim('weekly')).toBeUndefined();
    expect(await b.claim('daily')).toBeDefined();
    const now = await a.activity(['weekly', 'daily']);
    expect(now.claims.map((c) => [c.id, c.worker])).toEqual([
      ['daily', workerId()],
      ['weekly', workerId()],
    ]);
    await first?.release();
    const second = await b.claim('weekly');
    expect(second).toBeDefined();
    await second?.release();
    await Promise.all([a.close(), b.close()]);
  });

  it('frees the claim of a worker whose connection died at once', async () => {
    const url = await newDatabase();
    const [a, b] = await Promise.all([PgScheduleStore.open(url), PgScheduleStore.open(url)]);
    expect(await a.claim('weekly')).toBeDefined();
    await sql(url, 'SELECT pg_terminate_backend(backend_pid) FROM schedule_claims');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const taken = await b.claim('weekly');
    expect(taken).toBeDefined();
    await taken?.release();
    await Promise.all([a.close(), b.close()]);
  });

  it('takes over a claim whose lease ran out, and the old holder then records nothing', async () => {
    const url = await newDatabase();
    const [a, b] = await Promise.all([PgScheduleStore.open(url), PgScheduleStore.open(url)]);
    const stale = await a.claim('weekly');
    expect(stale).toBeDefined();
    // A hung worker stops renewing: its lease lies in the past.
    await sql(url, "UPDATE schedule_claims SET expires_at = now() - interval '1 second'");
    const taken = await b.claim('weekly');
    expect(taken).toBeDefined();
    await expect(
      a.recordRun('weekly', run('2026-11-23T07:00:00.000Z'), stale!),
    ).rejects.toMatchObject({ code: 'CLAIM_LOST' });
    await b.recordRun('weekly', run('2026-11-23T07:00:00.000Z'), taken!);
    await taken?.release();
    expect((await b.activity(['weekly'])).history).toHaveLength(1);
    await Promise.all([a.close(), b.close()]);
  });

  it('does not take over a live claim whose lease holds', async () => {
    const url = await newDatabase();
    const [a, b] = await Promise.all([PgScheduleStore.open(url), PgScheduleStore.open(url)]);
    const held = await a.claim('weekly');
    expect(await b.claim('weekly')).toBeUndefined();
    await held?.release();
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps the state as the state file does, and every run with its worker and duration', async () => {
    const url = await newDatabase();
    const store = await PgScheduleStore.open(url);
    const claim = await store.claim('weekly');
    await store.recordRun('weekly', run('2026-11-23T07:00:00.000Z'), claim!);
    await store.recordDelivery('weekly', {
      slot: '2026-11-23T07:00:00.000Z',
      asOf: '2026-11-23',
      pdf: '/srv/out/weekly/weekly-2026-11-23.pdf',
      delivered: {},
      pending: ['email'],
    });
    await store.recordFailure('daily', {
      slot: '2026-11-23T06:00:00.000Z',
      asOf: '2026-11-23',
      worker: 'host-b:42',
      startedAt: '2026-11-23T06:00:00.000Z',
      finishedAt: '2026-11-23T06:00:02.000Z',
      error: 'render failed',
    });
    await store.recordFailureNotice('daily', '2026-11-23T06:00:00.000Z');
    await claim?.release();
    // A record later than the wall clock is not trusted, as in the state file.
    const reading = await store.inspect(new Date('2026-11-23T08:00:00Z'));
    expect(reading.state.briefs.weekly).toMatchObject({
      lastRun: '2026-11-23T07:00:00.000Z',
      delivery: { pending: ['email'] },
    });
    expect(reading.state.failureNotices).toEqual({ daily: '2026-11-23T06:00:00.000Z' });
    expect((await store.inspect(new Date('2026-11-22T00:00:00Z'))).ignored).toHaveLength(1);
    const { history } = await store.activity(['weekly', 'daily']);
    expect(history.map((h) => [h.id, h.outcome, h.worker, h.durationMs])).toEqual([
      ['weekly', 'built', workerId(), 1500],
      ['daily', 'failed', 'host-b:42', 2000],
    ]);
    expect(await store.reset('weekly')).toBe(true);
    expect(await store.reset('weekly')).toBe(false);
    await store.close();
  });
});
