/**
 * Opening hours as people read them. Pure functions of the API's fields and
 * `now`, so they are unit-tested without a browser.
 *
 * Times are the campus's wall clock in the campus's conventions ("14:00"),
 * whatever zone the browser is in: every text comes from src/format.ts.
 */
import { campusDate, formatDay, formatTime, formatWallTime, formatWeekday, type Campus } from './format';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const MINUTE = 60_000;

/** The UTC offset written in an ISO instant, in ms ("+02:00" → 7 200 000; "Z" or none → 0). */
export function isoOffsetMs(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3])) * MINUTE;
}

/** "14:00" / "2:00 PM": the campus wall-clock time of an instant (src/format.ts). */
export function clockTime(iso: string, campus: Campus = {}): string {
  return formatTime(iso, campus);
}

/** A wall-clock "HH:MM" (no date) in the campus's clock. */
export function wallTime(hhmm: string, campus: Campus = {}): string {
  return formatWallTime(hhmm, campus);
}

/** "today", "tomorrow", or the weekday ("Wednesday") of an instant, seen from `now` on the campus calendar. */
export function dayWord(iso: string, now: Date, campus: Campus = {}): string {
  const day = campusDate(iso, campus);
  const today = campusDate(now, campus);
  if (day === today) return 'today';
  if (day === addDays(today, 1)) return 'tomorrow';
  return formatWeekday(day, 'long', campus);
}

/** "14:32" (minutes:seconds) or "1:02:05" left until `until`; never negative. */
export function countdown(until: string, now: Date): string {
  const total = Math.max(0, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** True while a pause set by the vendor is still running. */
export function isPaused(pausedUntil: string | null | undefined, now: Date): boolean {
  return !!pausedUntil && Date.parse(pausedUntil) > now.getTime();
}

/** "Paused until 12:40 (rush)". */
export function pauseText(pausedUntil: string, reason: string, campus: Campus = {}): string {
  const why = reason.trim();
  return `Paused until ${clockTime(pausedUntil, campus)}${why ? ` (${why})` : ''}`;
}

export interface OpenFields {
  open_now: boolean;
  next_opening: string | null;
  paused_until: string | null;
  pause_reason: string;
  is_available?: boolean;
}

export type OpenTone = 'open' | 'closed' | 'paused';

/**
 * What a student reads about whether a service is open: "Open now · closes
 * 14:00", "Closed · opens tomorrow 08:00", "Paused until 12:40 (rush)".
 * Null for a service switched off by its vendor (its availability says so).
 * `closes` is the campus "HH:MM" it closes at, when known (from its hours).
 */
export function openState(
  s: OpenFields,
  now: Date,
  { closes, ...campus }: Campus & { closes?: string | null } = {},
): { text: string; tone: OpenTone } | null {
  if (s.is_available === false) return null;
  if (isPaused(s.paused_until, now) && !s.open_now) {
    return { text: pauseText(s.paused_until!, s.pause_reason, campus), tone: 'paused' };
  }
  if (s.open_now) return { text: `Open now${closes ? ` · closes ${wallTime(closes, campus)}` : ''}`, tone: 'open' };
  if (s.next_opening) {
    return { text: `Closed · opens ${dayWord(s.next_opening, now, campus)} ${clockTime(s.next_opening, campus)}`, tone: 'closed' };
  }
  return { text: 'Closed this week', tone: 'closed' };
}

// ---- Campus dates and weekly periods -------------------------------------------------

interface Period {
  weekday: number;
  opens: string;
  closes: string;
}

interface Closure {
  starts_on: string;
  ends_on: string;
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** True for a period that ends after midnight (closes at or before it opens). */
export function pastMidnight(p: Pick<Period, 'opens' | 'closes'>): boolean {
  return toMinutes(p.closes) <= toMinutes(p.opens);
}

/** The campus date, weekday (0 Monday) and minute of the day at `now` in `timeZone`. */
export function campusNow(timeZone: string, now: Date): { date: string; weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, weekday: weekdayOf(date), minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** 0 Monday … 6 Sunday for a "YYYY-MM-DD". */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** "YYYY-MM-DD" plus `n` days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const closedOn = (date: string, closures: readonly Closure[]) => closures.some((c) => c.starts_on <= date && date <= c.ends_on);

/**
 * The campus "HH:MM" at which a service that is open now closes: the end of
 * the weekly period it is in, carried on through periods that open exactly
 * when the previous one closes, and cut at midnight when the next date is
 * closed. Null when it is in no period (or has no weekly hours).
 */
export function closingTime(
  hours: { time_zone: string; weekly: readonly Period[]; closures: readonly Closure[] },
  now: Date,
): string | null {
  if (hours.weekly.length === 0) return null;
  const { date, weekday, minute } = campusNow(hours.time_zone, now);
  const yesterday = (weekday + 6) % 7;
  let current: Period | undefined = hours.weekly.find((p) =>
    p.weekday === weekday
      ? toMinutes(p.opens) <= minute && (pastMidnight(p) || minute < toMinutes(p.closes))
      : p.weekday === yesterday && pastMidnight(p) && minute < toMinutes(p.closes),
  );
  if (!current) return null;
  // The campus date on which `current` ends.
  let endDate = current.weekday === weekday && pastMidnight(current) ? addDays(date, 1) : date;
  for (let guard = 0; guard <= hours.weekly.length; guard++) {
    if (endDate !== date && closedOn(endDate, hours.closures)) return '00:00';
    const closes: string = current.closes;
    const next: Period | undefined = hours.weekly.find((p) => p.weekday === weekdayOf(endDate) && p.opens === closes && p !== current);
    // Chained periods are followed until tomorrow at most.
    if (!next || (pastMidnight(next) && endDate !== date)) return closes;
    current = next;
    if (pastMidnight(next)) endDate = addDays(endDate, 1);
  }
  return current.closes;
}

/** A campus "YYYY-MM-DD" as "Fri 5 Jun". */
export function shortDate(date: string, campus: Campus = {}): string {
  return formatDay(date, campus);
}

/** The day chooser's label of a campus date: "Today", "Tomorrow", else "Fri 5 Jun". */
export function dateLabel(date: string, today: string, campus: Campus = {}): string {
  if (date === today) return 'Today';
  if (date === addDays(today, 1)) return 'Tomorrow';
  return shortDate(date, campus);
}

/**
 * Errors the API gives for the weekly list, sorted: `#2 Opens: …` belongs to
 * the second period sent, anything else (overlaps, too many) to the whole week.
 */
export function splitPeriodErrors(messages: readonly string[]): { byIndex: Map<number, string[]>; general: string[] } {
  const byIndex = new Map<number, string[]>();
  const general: string[] = [];
  for (const m of messages) {
    const hit = /^#(\d+) (.+)$/.exec(m);
    if (hit) {
      const i = Number(hit[1]) - 1;
      byIndex.set(i, [...(byIndex.get(i) ?? []), hit[2]]);
    } else general.push(m);
  }
  return { byIndex, general };
}

/**
 * Why a campus date is closed: the reason of a closure covering it ('' when the
 * vendor gave none), '' for a weekday without hours; null when it is open.
 */
export function closedReason(date: string, hours: { weekly: readonly Pick<Period, 'weekday'>[]; closures: readonly (Closure & { reason?: string })[] }): string | null {
  const closure = hours.closures.find((c) => c.starts_on <= date && date <= c.ends_on);
  if (closure) return (closure.reason ?? '').trim();
  if (!hours.weekly.some((p) => p.weekday === weekdayOf(date))) return '';
  return null;
}

/** The first date after `date` (within 60 days) with hours and no closure; null when none. */
export function nextOpenDate(date: string, hours: { weekly: readonly Pick<Period, 'weekday'>[]; closures: readonly (Closure & { reason?: string })[] }): string | null {
  for (let n = 1; n <= 60; n++) {
    const d = addDays(date, n);
    if (closedReason(d, hours) === null) return d;
  }
  return null;
}
