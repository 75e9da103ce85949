import type { OrderStatus } from './api/types';
import { CAMPUS_LOCALE, CAMPUS_TIME_ZONE, CURRENCY } from './config';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Money arrives as a decimal string ("12.50"); it is shown in the campus
 * currency with the browser's conventions, never computed with floats
 * (Intl formats the decimal string itself, so no digits are lost).
 */
export function money(
  value: string | null | undefined,
  { currency = CURRENCY, locale }: { currency?: string; locale?: string } = {},
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+(\.\d+)?$/.test(value)) return value;
  // Intl accepts a decimal string (ES2023); the DOM typings still say number.
  return formatter(currency, locale).format(value as unknown as number);
}

/** Sums decimal strings exactly, in cents, for the cart's estimate. */
export function sumMoney(values: { price: string; quantity: number }[]): string {
  const cents = values.reduce((acc, v) => acc + toCents(v.price) * v.quantity, 0);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function toCents(value: string): number {
  const [whole, frac = ''] = value.split('.');
  return Number(whole) * 100 + Number((frac + '00').slice(0, 2));
}

// ---- Dates and times ----------------------------------------------------------------
//
// The one place the app turns dates and times into text. Instants from the API
// are shown as the campus's wall clock (CAMPUS_TIME_ZONE), in the campus's
// conventions (CAMPUS_LOCALE): a student whose laptop is set to another zone
// still reads the barber's 10:00 as 10:00, and ordering and bookings read
// alike ("Wed 9 Dec", "12:45"). Campus dates ("YYYY-MM-DD") and wall-clock
// times ("HH:MM") carry no zone and are shown as they are. Every function
// takes `{ locale, timeZone }` only so tests can pin them.

export interface Campus {
  locale?: string;
  timeZone?: string;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dtf(options: Intl.DateTimeFormatOptions, { locale = CAMPUS_LOCALE, timeZone = CAMPUS_TIME_ZONE }: Campus = {}): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateFormatters.set(key, f);
  }
  return f;
}

function instant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Noon UTC of a campus date, formatted in UTC: the date itself, in no zone's way. */
function dateOnly(date: string): Date {
  return new Date(`${date.slice(0, 10)}T12:00:00Z`);
}

/** Parts joined without the commas some engines put between them ("Wed, 9 Dec" → "Wed 9 Dec"). */
function joined(f: Intl.DateTimeFormat, d: Date): string {
  return f
    .formatToParts(d)
    .map((p) => (p.type === 'literal' ? p.value.replace(/,\s*/g, ' ') : p.value))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The locale's clock: "14:00" where it writes 24 hours, "2:00 PM" where it writes 12. */
function clockFormat(campus: Campus): Intl.DateTimeFormat {
  const h12 = dtf({ hour: 'numeric' }, campus).resolvedOptions().hour12;
  return dtf({ hour: h12 ? 'numeric' : '2-digit', minute: '2-digit' }, campus);
}

/** "12:45": the campus wall-clock time of an instant. */
export function formatTime(iso: string | null | undefined, campus: Campus = {}): string {
  const d = instant(iso);
  return d ? clockFormat(campus).format(d) : (iso ?? '');
}

/** "12:45" for a wall-clock "HH:MM" (opening hours), in the campus's clock. */
export function formatWallTime(hhmm: string, campus: Campus = {}): string {
  const [h, m] = hhmm.split(':').map(Number);
  if (!Number.isFinite(h) || !Number.isFinite(m)) return hhmm;
  return clockFormat({ ...campus, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
}

/** The campus date ("YYYY-MM-DD") an instant falls on. */
export function campusDate(iso: string | Date, campus: Campus = {}): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return dtf({ year: 'numeric', month: '2-digit', day: '2-digit' }, { locale: 'en-CA', timeZone: campus.timeZone }).format(d);
}

/** "Wed 9 Dec" for a campus date ("YYYY-MM-DD") or the campus date of an instant. */
export function formatDay(dateOrIso: string, campus: Campus = {}): string {
  const opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
  if (dateOrIso.length === 10) return joined(dtf(opts, { ...campus, timeZone: 'UTC' }), dateOnly(dateOrIso));
  const d = instant(dateOrIso);
  return d ? joined(dtf(opts, campus), d) : dateOrIso;
}

/** "Wednesday 9 December 2026" for a campus date. */
export function formatLongDay(date: string, campus: Campus = {}): string {
  return joined(dtf({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, { ...campus, timeZone: 'UTC' }), dateOnly(date));
}

/** "9 Dec" (with `year`, "9 Dec 2026") for a campus date. */
export function formatDayMonth(date: string, { year = false, ...campus }: Campus & { year?: boolean } = {}): string {
  const opts: Intl.DateTimeFormatOptions = year ? { day: 'numeric', month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return joined(dtf(opts, { ...campus, timeZone: 'UTC' }), dateOnly(date));
}

/** "Wed" or "Wednesday" for a campus date or the campus date of an instant. */
export function formatWeekday(dateOrIso: string, style: 'short' | 'long' = 'short', campus: Campus = {}): string {
  const date = dateOrIso.length === 10 ? dateOrIso : campusDate(dateOrIso, campus);
  return dtf({ weekday: style }, { ...campus, timeZone: 'UTC' }).format(dateOnly(date));
}

/**
 * "Wed 9 Dec, 12:45" (the year added when it is not this campus year): when
 * something happened or will happen. An unreadable value is shown as it came.
 */
export function dateTime(iso: string | null | undefined, campus: Campus & { now?: Date } = {}): string {
  const d = instant(iso);
  if (!d) return iso ?? '';
  const date = campusDate(d, campus);
  const thisYear = campusDate(campus.now ?? new Date(), campus).slice(0, 4) === date.slice(0, 4);
  const day = thisYear ? formatDay(date, campus) : `${formatDay(date, campus)} ${date.slice(0, 4)}`;
  return `${day}, ${formatTime(iso, campus)}`;
}

/** "12:45" when the instant is on today's campus date, else "Wed 9 Dec, 12:45". */
export function timeOrDateTime(iso: string, campus: Campus & { now?: Date } = {}): string {
  const d = instant(iso);
  if (!d) return iso;
  return campusDate(d, campus) === campusDate(campus.now ?? new Date(), campus) ? formatTime(iso, campus) : dateTime(iso, campus);
}

export function label(value: string | null | undefined): string {
  if (!value) return '';
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const STATUS_LABEL: Record<OrderStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  preparing: 'Preparing',
  ready: 'Ready',
  delivering: 'Out for delivery',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const OPEN_STATUSES: OrderStatus[] = ['pending', 'confirmed', 'preparing', 'ready', 'delivering'];

export function isOpen(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** How a reviewer is shown in public: first name and the initial of the last ("Sam S."). */
export function publicReviewer(fullName: string | null | undefined): string {
  const parts = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'A student';
  if (parts.length === 1) return parts[0];
  return `${parts[0]} ${parts[parts.length - 1].charAt(0).toUpperCase()}.`;
}

