import { describe, expect, it, vi } from 'vitest';
import { addDays, campusNow, closingTime, countdown, dateLabel, dayWord, isoOffsetMs, openState, splitPeriodErrors, weekdayOf } from './schedule';

// A campus in Amsterdam (+02:00 in June), whatever zone the test machine is in.
vi.mock('./config', async (importOriginal) => ({ ...(await importOriginal<typeof import('./config')>()), CAMPUS_TIME_ZONE: 'Europe/Amsterdam' }));

const GB = 'en-GB';
// Wednesday 3 June 2026, 11:20 in Amsterdam (+02:00).
const NOW = new Date('2026-06-03T09:20:00Z');
const base = { open_now: false, next_opening: null, paused_until: null, pause_reason: '', is_available: true };

describe('open state', () => {
  it('says when an open service closes', () => {
    expect(openState({ ...base, open_now: true }, NOW, { locale: GB, closes: '14:00' })?.text).toBe('Open now · closes 14:00');
    expect(openState({ ...base, open_now: true }, NOW, { locale: GB })?.text).toBe('Open now');
  });

  it('says today, tomorrow or the weekday it opens, in campus time', () => {
    expect(openState({ ...base, next_opening: '2026-06-03T17:30:00+02:00' }, NOW, { locale: GB })?.text).toBe('Closed · opens today 17:30');
    expect(openState({ ...base, next_opening: '2026-06-04T08:00:00+02:00' }, NOW, { locale: GB })?.text).toBe('Closed · opens tomorrow 08:00');
    expect(openState({ ...base, next_opening: '2026-06-06T10:00:00+02:00' }, NOW, { locale: GB })?.text).toBe('Closed · opens Saturday 10:00');
  });

  it('reads the date on the campus calendar, not UTC', () => {
    // 23:30 UTC on the 3rd is already 01:30 on the 4th in Amsterdam: tomorrow, seen from the 3rd.
    expect(dayWord('2026-06-04T01:30:00+02:00', NOW)).toBe('tomorrow');
    // 23:00 on the 3rd in New York is the 4th in UTC: still today on that campus.
    expect(dayWord('2026-06-03T23:00:00-04:00', new Date('2026-06-03T20:00:00Z'), { timeZone: 'America/New_York' })).toBe('today');
  });

  it('shows a running pause with its reason, and forgets an ended one', () => {
    const paused = { ...base, paused_until: '2026-06-03T12:40:00+02:00', pause_reason: 'rush', next_opening: '2026-06-03T12:40:00+02:00' };
    expect(openState(paused, NOW, { locale: GB })).toEqual({ text: 'Paused until 12:40 (rush)', tone: 'paused' });
    expect(openState({ ...paused, pause_reason: '' }, NOW, { locale: GB })?.text).toBe('Paused until 12:40');
    const later = new Date('2026-06-03T10:41:00Z');
    expect(openState(paused, later, { locale: GB })?.text).toBe('Closed · opens today 12:40');
  });

  it('says nothing for a service its vendor switched off, and "this week" when nothing is in sight', () => {
    expect(openState({ ...base, is_available: false }, NOW)).toBeNull();
    expect(openState(base, NOW)?.text).toBe('Closed this week');
  });

  it('writes the time in the campus locale', () => {
    expect(openState({ ...base, next_opening: '2026-06-04T14:00:00+02:00' }, NOW, { locale: 'en-US' })?.text).toBe('Closed · opens tomorrow 2:00 PM');
  });
});

describe('countdown', () => {
  it('counts minutes and seconds, then hours', () => {
    expect(countdown('2026-06-03T09:34:32Z', NOW)).toBe('14:32');
    expect(countdown('2026-06-03T10:22:05Z', NOW)).toBe('1:02:05');
    expect(countdown('2026-06-03T09:20:09Z', NOW)).toBe('0:09');
  });

  it('stops at zero', () => {
    expect(countdown('2026-06-03T09:00:00Z', NOW)).toBe('0:00');
  });
});

describe('campus dates', () => {
  it('reads the offset of an instant', () => {
    expect(isoOffsetMs('2026-06-03T11:00:00+02:00')).toBe(7_200_000);
    expect(isoOffsetMs('2026-06-03T11:00:00-05:30')).toBe(-19_800_000);
    expect(isoOffsetMs('2026-06-03T11:00:00Z')).toBe(0);
  });

  it('finds the campus date, weekday and minute in a zone', () => {
    expect(campusNow('Europe/Amsterdam', NOW)).toEqual({ date: '2026-06-03', weekday: 2, minute: 11 * 60 + 20 });
    expect(campusNow('America/New_York', new Date('2026-06-03T02:00:00Z'))).toMatchObject({ date: '2026-06-02', weekday: 1 });
  });

  it('adds days across months and labels them', () => {
    expect(addDays('2026-06-30', 1)).toBe('2026-07-01');
    expect(weekdayOf('2026-06-07')).toBe(6);
    expect(dateLabel('2026-06-03', '2026-06-03')).toBe('Today');
    expect(dateLabel('2026-06-04', '2026-06-03')).toBe('Tomorrow');
    expect(dateLabel('2026-06-05', '2026-06-03', { locale: GB })).toBe('Fri 5 Jun');
  });
});

describe('closing time', () => {
  const tz = 'Europe/Amsterdam';
  const at = (local: string) => new Date(`${local}+02:00`);

  it('is the end of the period the service is in', () => {
    const hours = { time_zone: tz, closures: [], weekly: [{ weekday: 2, opens: '08:00', closes: '14:00' }] };
    expect(closingTime(hours, at('2026-06-03T11:20:00'))).toBe('14:00');
    expect(closingTime(hours, at('2026-06-03T14:00:00'))).toBeNull();
    expect(closingTime({ ...hours, weekly: [] }, NOW)).toBeNull();
  });

  it('follows a period past midnight, from either side of it', () => {
    const hours = { time_zone: tz, closures: [], weekly: [{ weekday: 2, opens: '22:00', closes: '02:00' }] };
    expect(closingTime(hours, at('2026-06-03T23:00:00'))).toBe('02:00');
    expect(closingTime(hours, at('2026-06-04T01:00:00'))).toBe('02:00');
    expect(closingTime(hours, at('2026-06-04T03:00:00'))).toBeNull();
  });

  it('carries on through a period that opens when the last one closes', () => {
    const weekly = [
      { weekday: 2, opens: '08:00', closes: '12:00' },
      { weekday: 2, opens: '12:00', closes: '16:00' },
    ];
    expect(closingTime({ time_zone: tz, closures: [], weekly }, at('2026-06-03T09:00:00'))).toBe('16:00');
  });

  it('stops at midnight when the next date is closed', () => {
    const hours = {
      time_zone: tz,
      closures: [{ starts_on: '2026-06-04', ends_on: '2026-06-05' }],
      weekly: [{ weekday: 2, opens: '22:00', closes: '02:00' }],
    };
    expect(closingTime(hours, at('2026-06-03T23:00:00'))).toBe('00:00');
  });
});

describe('weekly period errors', () => {
  it('puts numbered messages beside their period and the rest above the week', () => {
    const { byIndex, general } = splitPeriodErrors(['#2 Opens: Enter a time as HH:MM.', 'Periods overlap: weekday 0 08:00-12:00 and weekday 0 11:00-13:00.']);
    expect(byIndex.get(1)).toEqual(['Opens: Enter a time as HH:MM.']);
    expect(general).toEqual(['Periods overlap: weekday 0 08:00-12:00 and weekday 0 11:00-13:00.']);
  });
});

describe('a closed day', () => {
  it('says why and when the service opens again', async () => {
    const { closedReason, nextOpenDate } = await import('./schedule');
    // 2026-12-07 is a Monday (weekday 0); hours Monday to Friday.
    const hours = {
      weekly: [0, 1, 2, 3, 4].map((weekday) => ({ weekday })),
      closures: [{ starts_on: '2026-12-08', ends_on: '2026-12-09', reason: 'Staff training ' }],
    };
    expect(closedReason('2026-12-07', hours)).toBeNull();
    expect(closedReason('2026-12-08', hours)).toBe('Staff training');
    expect(closedReason('2026-12-12', hours)).toBe('');
    expect(nextOpenDate('2026-12-08', hours)).toBe('2026-12-10');
    expect(nextOpenDate('2026-12-11', hours)).toBe('2026-12-14');
    expect(nextOpenDate('2026-12-07', { weekly: [], closures: [] })).toBeNull();
  });
});
