/**
 * Dates and times of bookings as the campus sees them. The API writes every
 * instant with the campus zone's offset ("2026-11-30T10:00:00+01:00"), so the
 * wall-clock date and time are read from the string itself: a student abroad
 * or a laptop set to another zone still sees the barber's 10:00 as 10:00.
 */
import type { Booking } from '../api/types';

export interface WallClock {
  /** YYYY-MM-DD, the campus date. */
  date: string;
  /** HH:MM, the campus time. */
  time: string;
}

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/;

/** The campus date and time written in an instant from the API. */
export function wallClock(iso: string): WallClock {
  const m = ISO.exec(iso);
  if (!m) return { date: '', time: iso };
  return { date: m[1], time: m[2] };
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

/** Today's date in `timeZone` (the campus zone), or in the browser's zone when it is unknown. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

function dateFormat(date: string, options: Intl.DateTimeFormatOptions, locale?: string): string {
  return new Intl.DateTimeFormat(locale ?? 'en-GB', { ...options, timeZone: 'UTC' }).format(utcDate(date));
}

// Built from parts: engines disagree on the commas of a whole formatted date.

/** "Mon 30 Nov" */
export function shortDay(date: string, locale?: string): string {
  return `${dateFormat(date, { weekday: 'short' }, locale)} ${dateFormat(date, { day: 'numeric', month: 'short' }, locale)}`;
}

/** "Monday 30 November 2026" */
export function longDay(date: string, locale?: string): string {
  return `${dateFormat(date, { weekday: 'long' }, locale)} ${dateFormat(date, { day: 'numeric', month: 'long', year: 'numeric' }, locale)}`;
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
export function buildDateStrip(today: string, maxDaysAhead: number, locale?: string): StripDay[] {
  const count = Math.max(0, Math.floor(maxDaysAhead)) + 1;
  return Array.from({ length: count }, (_, i) => {
    const date = addDays(today, i);
    const relative = i === 0 ? 'Today' : i === 1 ? 'Tomorrow' : null;
    return {
      date,
      weekday: relative ?? dateFormat(date, { weekday: 'short' }, locale),
      dayMonth: dateFormat(date, { day: 'numeric', month: 'short' }, locale),
      label: `${relative ? `${relative}, ` : ''}${longDay(date, locale)}`,
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
