import { describe, expect, it, vi } from 'vitest';
import type { Booking } from '../api/types';
import { addDays, buildDateStrip, cancelNotice, duration, todayIn, wallClock, weekStart } from './time';

// A campus in Lagos (+01:00 all year), whatever zone the test machine is in.
vi.mock('../config', async (importOriginal) => ({ ...(await importOriginal<typeof import('../config')>()), CAMPUS_TIME_ZONE: 'Africa/Lagos' }));

const booking = (over: Partial<Booking>) =>
  ({
    start: '2026-11-30T12:30:00+01:00',
    cancellable_until: '2026-11-30T10:30:00+01:00',
    booking_status: 'confirmed',
    allowed_transitions: ['cancelled'],
    vendor_name: 'Campus Cuts',
    ...over,
  }) as Booking;

describe('wall clock', () => {
  it('reads the campus date and time of an instant, whatever offset it is written in', () => {
    expect(wallClock('2026-11-30T09:05:00+01:00')).toEqual({ date: '2026-11-30', time: '09:05' });
    expect(wallClock('2026-03-29T23:30:00Z')).toEqual({ date: '2026-03-30', time: '00:30' });
  });

  it('counts calendar days across month, year and daylight-saving changes', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(weekStart('2026-12-03')).toBe('2026-11-30');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
  });

  it('takes today in the campus zone, not the browser’s', () => {
    const instant = new Date('2026-11-30T23:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-11-30');
    expect(todayIn('Africa/Nairobi', instant)).toBe('2026-12-01');
    expect(todayIn('America/New_York', instant)).toBe('2026-11-30');
  });
});

describe('date strip', () => {
  it('runs from today to the last day the service takes bookings', () => {
    const strip = buildDateStrip('2026-11-30', 14);
    expect(strip).toHaveLength(15);
    expect(strip[0]).toMatchObject({ date: '2026-11-30', weekday: 'Today', dayMonth: '30 Nov' });
    expect(strip[1]).toMatchObject({ date: '2026-12-01', weekday: 'Tomorrow', dayMonth: '1 Dec' });
    expect(strip[2]).toMatchObject({ date: '2026-12-02', weekday: 'Wed' });
    expect(strip[14].date).toBe('2026-12-14');
    expect(strip[0].label).toBe('Today, Monday 30 November 2026');
  });

  it('offers today alone for a one-day horizon of zero and never a negative one', () => {
    expect(buildDateStrip('2026-11-30', 0).map((d) => d.date)).toEqual(['2026-11-30']);
    expect(buildDateStrip('2026-11-30', -3).map((d) => d.date)).toEqual(['2026-11-30']);
  });
});

describe('cancel notice', () => {
  it('says until when and how long before the start a student may cancel', () => {
    expect(cancelNotice(booking({}))).toEqual({ kind: 'open', text: 'You can cancel until Mon 30 Nov, 10:30, 2 hours before the start.' });
    expect(duration(90)).toBe('1 hour 30 minutes');
    expect(duration(1440 + 60)).toBe('1 day 1 hour');
  });

  it('names the day when the deadline falls on an earlier one', () => {
    const b = booking({ start: '2026-12-01T09:00:00+01:00', cancellable_until: '2026-11-30T09:00:00+01:00' });
    expect(cancelNotice(b)).toEqual({ kind: 'open', text: 'You can cancel until Mon 30 Nov, 09:00, 1 day before the start.' });
  });

  it('after the deadline explains it is too late and to call the vendor', () => {
    const b = booking({ allowed_transitions: [] });
    const state = cancelNotice(b, new Date('2026-11-30T10:45:00+01:00'));
    expect(state.kind).toBe('closed');
    expect(state.kind === 'closed' && state.text).toBe(
      'It is too late to cancel online: cancelling was possible until Mon 30 Nov, 10:30, 2 hours before the start. If you cannot come, call or message Campus Cuts to let them know.',
    );
  });

  it('says nothing once the booking has started or is no longer confirmed', () => {
    expect(cancelNotice(booking({ allowed_transitions: [] }), new Date('2026-11-30T12:31:00+01:00'))).toEqual({ kind: 'none' });
    expect(cancelNotice(booking({ booking_status: 'cancelled', allowed_transitions: [] }))).toEqual({ kind: 'none' });
  });
});
