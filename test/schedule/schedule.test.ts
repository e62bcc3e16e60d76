import { describe, expect, it } from 'vitest';
import {
  asOfDate,
  dueSlots,
  nextRun,
  scheduleProblem,
  type Schedule,
} from '../../src/schedule/index.js';

const schedule = (
  cron: string,
  timezone: string,
  catchup: Schedule['catchup'] = 'latest',
): Schedule => ({
  cron,
  timezone,
  catchup,
  onEmpty: 'note',
});
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/** Every run of a schedule in [from, to), by asking "what is due" after each slot, as cron callers would. */
function runsBetween(s: Schedule, from: string, to: string): string[] {
  const runs: string[] = [];
  let slot = nextRun(s, new Date(from));
  while (slot && slot < new Date(to)) {
    runs.push(slot.toISOString());
    slot = nextRun(s, slot);
  }
  return runs;
}

describe('dueSlots', () => {
  const weekly = schedule('0 7 * * MON', 'Europe/London');
  it('is due once the scheduled time has passed, and not before', () => {
    expect(
      iso(dueSlots(weekly, new Date('2026-11-16T07:00:00Z'), new Date('2026-11-23T06:59:00Z'))),
    ).toEqual([]);
    expect(
      iso(dueSlots(weekly, new Date('2026-11-16T07:00:00Z'), new Date('2026-11-23T07:05:00Z'))),
    ).toEqual(['2026-11-23T07:00:00.000Z']);
  });
  it('builds only the latest slot for a brief that never ran', () => {
    expect(
      iso(dueSlots({ ...weekly, catchup: 'all' }, undefined, new Date('2026-11-23T07:05:00Z'))),
    ).toEqual(['2026-11-23T07:00:00.000Z']);
  });
  it('catchup latest: one run for any number of missed slots', () => {
    expect(
      iso(dueSlots(weekly, new Date('2026-11-23T07:00:00Z'), new Date('2026-12-14T07:05:00Z'))),
    ).toEqual(['2026-12-14T07:00:00.000Z']);
  });
  it('catchup all: one run per missed slot, oldest first', () => {
    expect(
      iso(
        dueSlots(
          { ...weekly, catchup: 'all' },
          new Date('2026-11-23T07:00:00Z'),
          new Date('2026-12-14T07:05:00Z'),
        ),
      ),
    ).toEqual(['2026-11-30T07:00:00.000Z', '2026-12-07T07:00:00.000Z', '2026-12-14T07:00:00.000Z']);
  });
  it('catchup none: a slot is built within an hour of its time, and skipped after', () => {
    const none = { ...weekly, catchup: 'none' as const };
    expect(
      dueSlots(none, new Date('2026-11-23T07:00:00Z'), new Date('2026-12-14T07:30:00Z')),
    ).toHaveLength(1);
    expect(
      dueSlots(none, new Date('2026-11-23T07:00:00Z'), new Date('2026-12-14T09:00:00Z')),
    ).toHaveLength(0);
  });
});

describe('time zones and daylight saving', () => {
  it('runs a 07:00 Europe/London job once a day across the March change (UTC time moves)', () => {
    expect(
      runsBetween(
        schedule('0 7 * * *', 'Europe/London'),
        '2026-03-28T00:00:00Z',
        '2026-03-31T00:00:00Z',
      ),
    ).toEqual(['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });
  it('runs a 07:00 Europe/London job once a day across the October change', () => {
    expect(
      runsBetween(
        schedule('0 7 * * *', 'Europe/London'),
        '2026-10-24T00:00:00Z',
        '2026-10-27T00:00:00Z',
      ),
    ).toEqual(['2026-10-24T06:00:00.000Z', '2026-10-25T07:00:00.000Z', '2026-10-26T07:00:00.000Z']);
  });
  it('runs a 01:30 job that the spring-forward change skips once, an hour later by the clock (02:30 BST)', () => {
    expect(
      runsBetween(
        schedule('30 1 * * *', 'Europe/London'),
        '2026-03-28T12:00:00Z',
        '2026-03-30T12:00:00Z',
      ),
    ).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });
  it('runs a 01:30 job that the autumn change repeats once, at its first occurrence', () => {
    expect(
      runsBetween(
        schedule('30 1 * * *', 'Europe/London'),
        '2026-10-24T12:00:00Z',
        '2026-10-26T12:00:00Z',
      ),
    ).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });
  it('follows the same rules in America/New_York (changes on 8 March and 1 November 2026)', () => {
    expect(
      runsBetween(
        schedule('0 7 * * *', 'America/New_York'),
        '2026-03-07T00:00:00Z',
        '2026-03-10T00:00:00Z',
      ),
    ).toEqual(['2026-03-07T12:00:00.000Z', '2026-03-08T11:00:00.000Z', '2026-03-09T11:00:00.000Z']);
    expect(
      runsBetween(
        schedule('30 2 * * *', 'America/New_York'),
        '2026-03-07T12:00:00Z',
        '2026-03-09T12:00:00Z',
      ),
    ).toEqual(['2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
    expect(
      runsBetween(
        schedule('30 1 * * *', 'America/New_York'),
        '2026-10-31T12:00:00Z',
        '2026-11-02T12:00:00Z',
      ),
    ).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });
  it('dates a brief by the calendar day in its own time zone', () => {
    expect(asOfDate(new Date('2026-11-23T00:30:00Z'), 'America/New_York')).toBe('2026-11-22');
    expect(asOfDate(new Date('2026-11-23T00:30:00Z'), 'Asia/Seoul')).toBe('2026-11-23');
  });
});

describe('scheduleProblem', () => {
  it('accepts a valid cron and zone', () => {
    expect(scheduleProblem({ cron: '0 7 * * MON', timezone: 'Europe/London' })).toBeUndefined();
  });
  it('names the field that is wrong', () => {
    expect(scheduleProblem({ cron: '0 25 * * MON', timezone: 'UTC' })?.field).toBe('cron');
    expect(scheduleProblem({ cron: '0 7 * *', timezone: 'UTC' })?.message).toContain('needs 5');
    expect(scheduleProblem({ cron: '0 7 * * MON', timezone: 'Europe/Londn' })).toMatchObject({
      field: 'timezone',
    });
    expect(scheduleProblem({ cron: '0 7 30 2 *', timezone: 'UTC' })?.message).toContain(
      'never fires',
    );
  });
});
