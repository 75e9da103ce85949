/**
 * The live stream's pure rules: which cached data an event makes stale, how
 * long to wait before reconnecting, when a timer gap means the machine slept,
 * and the tab title with a count. No browser objects here, so all of it is
 * unit-tested (events.test.ts).
 */
import { queryKeys } from '../api/queryKeys';
import type { Notification } from '../api/types';

/** The bookings family's root (bookings pages key everything under it). */
const BOOKINGS_ROOT = queryKeys.bookings.all;

/**
 * The query families one notification makes stale. Invalidating a whole family
 * is deliberate: an order's new status changes its detail, every list it is in
 * and the vendor's counts at once, and only mounted queries refetch.
 */
export function keysForEvent(n: Pick<Notification, 'kind' | 'service'>): (readonly unknown[])[] {
  const keys: (readonly unknown[])[] = [queryKeys.notifications.all];
  switch (n.kind) {
    case 'order_placed':
    case 'order_status':
      keys.push(queryKeys.orders.all);
      break;
    case 'booking_made':
    case 'booking_status':
      keys.push(BOOKINGS_ROOT);
      break;
    case 'review_posted':
      keys.push(queryKeys.reviews.all);
      if (n.service !== null) keys.push(queryKeys.services.detail(n.service));
      break;
  }
  return keys;
}

/** Every family the stream keeps fresh: refetched after a gap in the stream. */
export const LIVE_FAMILIES: (readonly unknown[])[] = [queryKeys.orders.all, BOOKINGS_ROOT, queryKeys.notifications.all];

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30_000;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s… up to 30 s, each drawn
 * between half and the whole of that step so many tabs reconnecting after a
 * server restart do not arrive together. `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number = Math.random()): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(step / 2 + (step / 2) * random);
}

/** Heartbeat timer period, and the gap that means the timer was frozen (sleep). */
export const TICK_MS = 5000;
export const SLEEP_GAP_MS = 20_000;

/** True when a timer meant to fire every TICK_MS fired this late: the machine slept. */
export function sleptBetween(previousTick: number, now: number): boolean {
  return now - previousTick > SLEEP_GAP_MS;
}

/** "(2) Order queue · Campus Services" while two orders wait; the plain title otherwise. */
export function titleWithCount(count: number, title: string): string {
  return count > 0 ? `(${count}) ${title}` : title;
}

/** The stream's URL for a ticket, resuming after the last event seen (the API takes it as a query parameter, since EventSource cannot set headers). */
export function streamUrl(ticket: string, lastEventId: number | null): string {
  const params = new URLSearchParams({ ticket });
  if (lastEventId !== null) params.set('last_event_id', String(lastEventId));
  return `/api/events/?${params.toString()}`;
}
