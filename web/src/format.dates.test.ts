import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localeFrom, timeZoneFrom } from './config';
import { campusDate, dateTime, formatDay, formatLongDay, formatTime, formatWallTime, timeOrDateTime } from './format';

// The campus is in New York, which leaves summer time on Sunday 1 November 2026
// (02:00 EDT becomes 01:00 EST); the test machine is in Tokyo, so nothing here
// can pass by reading the machine's own zone.
vi.mock('./config', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./config')>()),
  CAMPUS_TIME_ZONE: 'America/New_York',
  CAMPUS_LOCALE: 'en-GB',
}));

// Node's environment (the app's typings know no `process`); Node reads TZ afresh when it changes.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const machineZone = env.TZ;
beforeAll(() => {
  env.TZ = 'Asia/Tokyo';
});
afterAll(() => {
  if (machineZone === undefined) delete env.TZ;
  else env.TZ = machineZone;
});

describe('dates and times on the campus clock', () => {
  it('runs on a machine whose own clock is elsewhere', () => {
    expect(new Date('2026-11-02T03:30:00Z').getHours()).toBe(12);
  });

  it('shows the campus wall clock on both sides of the November change', () => {
    // 01:30 happens twice that night: first in EDT (UTC−4), then in EST (UTC−5).
    expect(formatTime('2026-11-01T05:30:00Z')).toBe('01:30');
    expect(formatTime('2026-11-01T06:30:00Z')).toBe('01:30');
    expect(formatTime('2026-11-01T07:30:00Z')).toBe('02:30');
    // The same instants as the API writes them, with the campus offset.
    expect(formatTime('2026-11-01T01:30:00-04:00')).toBe('01:30');
    expect(formatTime('2026-11-01T01:30:00-05:00')).toBe('01:30');
    expect(formatTime('2026-10-31T12:00:00-04:00')).toBe('12:00');
    expect(formatTime('2026-11-02T12:00:00-05:00')).toBe('12:00');
  });

  it('puts an instant on its campus date, not the UTC or the machine date', () => {
    // 03:30 UTC on the 2nd is still the evening of the 1st in New York (and the 2nd in Tokyo).
    expect(campusDate('2026-11-02T03:30:00Z')).toBe('2026-11-01');
    expect(formatDay('2026-11-02T03:30:00Z')).toBe('Sun 1 Nov');
    expect(dateTime('2026-11-02T03:30:00Z', { now: new Date('2026-11-01T12:00:00Z') })).toBe('Sun 1 Nov, 22:30');
    // Midnight after the change: 05:00 UTC (EST), not 04:00 as the day before.
    expect(campusDate('2026-11-02T04:59:00Z')).toBe('2026-11-01');
    expect(campusDate('2026-11-02T05:00:00Z')).toBe('2026-11-02');
  });

  it('says the time alone today and adds the day otherwise, counting days on the campus calendar', () => {
    const now = new Date('2026-11-01T23:00:00-05:00');
    expect(timeOrDateTime('2026-11-01T08:15:00-05:00', { now })).toBe('08:15');
    expect(timeOrDateTime('2026-11-02T08:15:00-05:00', { now })).toBe('Mon 2 Nov, 08:15');
    expect(dateTime('2025-12-31T18:00:00-05:00', { now })).toBe('Wed 31 Dec 2025, 18:00');
  });

  it('writes campus dates and wall-clock times as they are, in the campus locale', () => {
    expect(formatDay('2026-11-01')).toBe('Sun 1 Nov');
    expect(formatLongDay('2026-11-01')).toBe('Sunday 1 November 2026');
    expect(formatWallTime('09:05')).toBe('09:05');
    // Another campus locale changes the conventions, never the clock.
    expect(formatTime('2026-11-01T06:30:00Z', { locale: 'en-US' })).toBe('1:30 AM');
    expect(formatWallTime('14:00', { locale: 'en-US' })).toBe('2:00 PM');
  });

  it('shows what it cannot read as it came', () => {
    expect(formatTime('soon')).toBe('soon');
    expect(dateTime(null)).toBe('');
  });
});

describe('campus settings from the served page', () => {
  it('accepts real zones and language tags and falls back on nonsense', () => {
    expect(timeZoneFrom('America/New_York')).toBe('America/New_York');
    expect(timeZoneFrom('Mars/Olympus')).toBe('Africa/Accra');
    expect(timeZoneFrom(undefined)).toBe('Africa/Accra');
    expect(localeFrom('en-us')).toBe('en-US');
    expect(localeFrom('not a locale')).toBe('en-GB');
  });
});
