import type { OrderDay } from '../api/types';
import { sumMoney } from '../format';

/** A local date as `YYYY-MM-DD` (the API's report dates). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The `days` local dates ending with `today`, as an API range. */
export function lastDays(today: Date, days: number): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: isoDate(from), to: isoDate(today) };
}

export interface Totals {
  orders: number;
  completed: number;
  revenue: string;
  /** Money by how it was paid, as the CSV's payment columns sum. */
  paidOnline: string;
  paidAtPickup: string;
  refunded: string;
}

/** Orders, completed, revenue and money by how it was paid over the last `days` entries of `by_day` (oldest first). */
export function totalsOf(byDay: readonly OrderDay[], days: number): Totals {
  const window = byDay.slice(-days);
  const sum = (pick: (d: OrderDay) => string) => sumMoney(window.map((d) => ({ price: pick(d), quantity: 1 })));
  return {
    orders: window.reduce((n, d) => n + d.orders, 0),
    completed: window.reduce((n, d) => n + d.completed, 0),
    revenue: sum((d) => d.revenue),
    paidOnline: sum((d) => d.paid_online),
    paidAtPickup: sum((d) => d.paid_at_pickup),
    refunded: sum((d) => d.refunded),
  };
}

/** 1, 2, 5, 10, 20, 50…: the smallest of these at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) {
    if (m * power >= value - 1e-9) return m * power;
  }
  return 10 * power;
}

/**
 * Bar heights as percentages of the chart: the axis runs to a round number at
 * or above the biggest day, so the tallest bar is not always full height and
 * a day with sales is never drawn as nothing (at least 2%).
 */
export function barScale(values: readonly number[]): { max: number; heights: number[] } {
  const max = niceCeiling(Math.max(0, ...values));
  return { max, heights: values.map((v) => (v > 0 ? Math.max(2, (v / max) * 100) : 0)) };
}
