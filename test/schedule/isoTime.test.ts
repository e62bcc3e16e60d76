import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from '../../src/schedule/index.js';

const iso = (text: string) => {
  const time = parseIsoDateTime(text);
  return time instanceof Date ? time.toISOString() : time.problem;
};

describe('parseIsoDateTime', () => {
  it('reads a date and time with Z or an offset, with or without seconds and fractions', () => {
    expect(iso('2026-11-23T07:05:00Z')).toBe('2026-11-23T07:05:00.000Z');
    expect(iso('2026-11-23T07:05Z')).toBe('2026-11-23T07:05:00.000Z');
    expect(iso('2026-11-23T08:05:00.250+01:00')).toBe('2026-11-23T07:05:00.250Z');
    expect(iso('2026-11-23T02:05:00-05:00')).toBe('2026-11-23T07:05:00.000Z');
    expect(iso('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });
  it('refuses what Date would roll over or guess', () => {
    expect(iso('2026-02-30T07:05:00Z')).toBe('is not a calendar date: February 2026 has 28 days');
    expect(iso('2026-04-31T07:05:00Z')).toBe('is not a calendar date: April 2026 has 30 days');
    expect(iso('2026-13-01T07:05:00Z')).toBe('has month 13; months are 01 to 12');
    expect(iso('2026-11-23T24:00:00Z')).toMatch(/^is not a time of day/);
    expect(iso('2026-11-23T07:60:00Z')).toMatch(/^is not a time of day/);
    expect(iso('2026-11-23T07:05:00')).toMatch(/^has no time zone/);
    expect(iso('2026-11-23T07:05:00+15:00')).toBe('has an impossible zone offset +15:00');
    expect(iso('23/11/2026 07:05')).toBe('is not an ISO 8601 date and time');
    expect(iso('garbage')).toBe('is not an ISO 8601 date and time');
  });
});
