/**
 * The vendor queue's rules, without React: when each order is due, the order
 * of the list, how long an order has waited, which orders are new since the
 * last look. Unit-tested in queueModel.test.ts.
 */
import type { Order, OrderStatus } from '../../../api/types';

/** When the order should be handed over: its pickup time, else the vendor's ready estimate, else as soon as possible (since it was placed). */
export function dueAt(o: Pick<Order, 'pickup_at' | 'estimated_ready_at' | 'created_at'>): number {
  return Date.parse(o.pickup_at ?? o.estimated_ready_at ?? o.created_at);
}

/** Open orders: the one due first on top (ties: the longest waiting). */
export function byDue<T extends Pick<Order, 'pickup_at' | 'estimated_ready_at' | 'created_at' | 'id'>>(orders: T[]): T[] {
  return [...orders].sort((a, b) => dueAt(a) - dueAt(b) || Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
}

/** "waiting 7 min", "waiting 1 h 05 min"; under a minute "just now". */
export function waitedLabel(createdAt: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(createdAt)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return 'waiting under a minute';
  if (minutes < 60) return `waiting ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `waiting ${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The ids in `current` that were not in `seen` (orders that arrived since the last look). */
export function arrivals(seen: ReadonlySet<number>, current: readonly { id: number }[]): number[] {
  return current.filter((o) => !seen.has(o.id)).map((o) => o.id);
}

/** The board's columns at laptop width: what the vendor does next, left to right. */
export const BOARD_COLUMNS: { key: string; title: string; statuses: OrderStatus[] }[] = [
  { key: 'pending', title: 'New', statuses: ['pending'] },
  { key: 'confirmed', title: 'Confirmed', statuses: ['confirmed'] },
  { key: 'preparing', title: 'Preparing', statuses: ['preparing'] },
  { key: 'ready', title: 'Ready', statuses: ['ready', 'delivering'] },
];

/**
 * The "New" column: what arrived while the page was open on top (newest first),
 * where the vendor looks, then the rest by when they are due. A new order never
 * lands at the bottom of a long column, below the fold.
 */
export function newFirst<T extends Pick<Order, 'pickup_at' | 'estimated_ready_at' | 'created_at' | 'id'>>(orders: T[], fresh: ReadonlySet<number>): T[] {
  const arrived = orders.filter((o) => fresh.has(o.id)).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id);
  return [...arrived, ...byDue(orders.filter((o) => !fresh.has(o.id)))];
}
