import type { OrderStatus } from './api/types';
import { CURRENCY } from './config';

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

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
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

/**
 * The lowest price a student can actually pay: the cheapest available item,
 * else the service's base price. "from GHS 4.50" beside a GHS 1.90 lemonade
 * would contradict the menu below it.
 */
export function lowestPrice(basePrice: string | null | undefined, items: { price: string; is_available?: boolean }[] = []): string | null {
  const prices = items.filter((i) => i.is_available !== false && /^\d+(\.\d+)?$/.test(i.price)).map((i) => i.price);
  if (prices.length === 0) return basePrice || null;
  return prices.reduce((low, p) => (Number(p) < Number(low) ? p : low));
}
