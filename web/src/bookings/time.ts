/**
 * Dates and times of bookings as the campus sees them: the campus date and
 * wall clock of each instant (src/format.ts), so a student abroad or a laptop
 * set to another zone still sees the barber's 10:00 as 10:00.
 */
import type { Booking } from '../api/types';
import { campusDate, formatDay, formatDayMonth, formatLongDay, formatTime, formatWeekday, type Campus } from '../format';

export interface WallClock {
  /** YYYY-MM-DD, the campus date. */
  date: string;
  /** The campus time as the campus writes it ("09:30"). */
  time: string;
}

/** The campus date and time of an instant from the API. */
export function wallClock(iso: string, campus: Campus = {}): WallClock {
  if (Number.isNaN(Date.parse(iso))) return { date: '', time: iso };
  return { date: campusDate(iso, campus), time: formatTime(iso, campus) };
}

function utcDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (no clock involved, so no daylight-saving surprises). */
export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** Today's date in `timeZone` (the campus zone), or in the campus zone the page was served with when it is unknown. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return campusDate(now, { timeZone });
  } catch {
    return campusDate(now);
  }
}

/** "Mon 30 Nov" */
export function shortDay(date: string, campus: Campus = {}): string {
  return formatDay(date, campus);
}

/** "Monday 30 November 2026" */
export function longDay(date: string, campus: Campus = {}): string {
  return formatLongDay(date, campus);
}

export interface StripDay {
  date: string;
  /** "Today", "Tomorrow" or "Wed" */
  weekday: string;
  /** "30 Nov" */
  dayMonth: string;
  /** For screen readers: "Today, Monday 30 November 2026" */
  label: string;
}

/**
 * The days a student may pick from: today up to `maxDaysAhead` days ahead
 * (the service's horizon; the last day may offer only its early slots).
 */
export function buildDateStrip(today: string, maxDaysAhead: number, campus: Campus = {}): StripDay[] {
  const count = Math.max(0, Math.floor(maxDaysAhead)) + 1;
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(today, i);
    const relative = i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : null;
    return {
      date,
      weekday: relative ?? formatWeekday(date, 'short', campus),
      dayMonth: formatDayMonth(date, campus),
      label: `${relative ? `${relative}, ` : ''}${longDay(date, campus)}`,
    };
  });
}

/** Monday of the week `date` falls in. */
export function weekStart(date: string): string {
  const dow = (utcDate(date).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

/** "2 hours", "1 hour 30 minutes", "1 day", "45 minutes" */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} day${days === 1 ? '' : 's'}`);
  if (hours) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (mins) parts.push(`${mins} minute${mins === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : '0 minutes';
}

/** "Mon 30 Nov, 10:00–10:30" */
export function bookingWhen(b: Pick<Booking, 'start' | 'end'>): string {
  const s = wallClock(b.start);
  const e = wallClock(b.end);
  return `${s.date ? shortDay(s.date) + ', ' : ''}${s.time}–${e.time}`;
}

/** "10:30" when the deadline is on the booking's day, else "Sun 29 Nov, 18:00". */
function deadlineText(b: Pick<Booking, 'start' | 'cancellable_until'>): string {
  // Always with its day: "until 07:30" read on another day is ambiguous.
  const d = wallClock(b.cancellable_until);
  return `${shortDay(d.date)}, ${d.time}`;
}

export type CancelState =
  /** The customer may still cancel: say until when. */
  | { kind: 'open'; text: string }
  /** Too late to cancel here: say until when it was possible and what to do now. */
  | { kind: 'closed'; text: string }
  /** Nothing to say (already cancelled, completed, or not the customer's). */
  | { kind: 'none' };

/**
 * What a student reads about cancelling. The server decides (its
 * `allowed_transitions`); this only explains it, with the deadline the API
 * gives (`cancellable_until`), e.g. "You can cancel until 10:30, 2 hours
 * before the start."
 */
export function cancelNotice(
  b: Pick<Booking, 'start' | 'cancellable_until' | 'booking_status' | 'allowed_transitions' | 'vendor_name'>,
  now: Date = new Date(),
): CancelState {
  if (b.booking_status !== 'confirmed') return { kind: 'none' };
  const noticeMinutes = (Date.parse(b.start) - Date.parse(b.cancellable_until)) / 60_000;
  const before = noticeMinutes > 0 ? `${duration(noticeMinutes)} before the start` : 'up to the start';
  const until = deadlineText(b);
  if (b.allowed_transitions.includes('cancelled')) {
    return { kind: 'open', text: `You can cancel until ${until}, ${before}.` };
  }
  if (now.getTime() >= Date.parse(b.start)) return { kind: 'none' };
  return {
    kind: 'closed',
    text: `It is too late to cancel online: cancelling was possible until ${until}, ${before}. If you cannot come, call or message ${b.vendor_name || 'the vendor'} to let them know.`,
  };
}
