import type { BookingListQuery } from './bookings';
import type { ServiceFilters } from './endpoints';
import type { OrderStatus } from './types';

export interface OrderListQuery {
  order_status?: OrderStatus;
  service?: number;
  page?: number;
  page_size?: number;
}

/**
 * Every cache key the app uses, built here so ids are always numbers and a
 * prefix names a whole family: invalidating `services.detail(7)` also marks
 * that service's items and reviews stale, `orders.all` every order view.
 *
 * Scopes: `services` is public (the catalogue; it survives a lost session and
 * is refetched anonymously); everything else belongs to the signed-in user.
 */
export const queryKeys = {
  services: {
    all: ['services'] as const,
    lists: () => ['services', 'list'] as const,
    list: (filters: ServiceFilters) => ['services', 'list', filters] as const,
    detail: (id: number) => ['services', 'detail', id] as const,
    items: (id: number) => ['services', 'detail', id, 'items'] as const,
    reviews: (id: number, page: number) => ['services', 'detail', id, 'reviews', page] as const,
    hours: (id: number) => ['services', 'detail', id, 'hours'] as const,
    slots: (id: number, date: string) => ['services', 'detail', id, 'slots', date] as const,
    /** A vendor's public profile, by the vendor's user id (public, like the catalogue). */
    vendor: (vendorId: number) => ['services', 'vendor', vendorId] as const,
    vendorServices: (vendorId: number) => ['services', 'vendor', vendorId, 'services'] as const,
  },
  orders: {
    all: ['orders'] as const,
    lists: () => ['orders', 'list'] as const,
    list: (query: OrderListQuery) => ['orders', 'list', query] as const,
    detail: (id: number) => ['orders', 'detail', id] as const,
    summary: () => ['orders', 'summary'] as const,
    /** The summary's `by_day` for one range; under `summary`, so its invalidation covers it. */
    report: (from: string, to: string) => ['orders', 'summary', { from, to }] as const,
  },
  reviews: {
    all: ['reviews'] as const,
    mine: (serviceId: number, userId: number) => ['reviews', 'mine', serviceId, userId] as const,
  },
  vendorProfile: {
    all: ['vendor-profile'] as const,
    mine: (userId: number) => ['vendor-profile', 'mine', userId] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    list: (page: number) => ['notifications', 'list', page] as const,
    unreadCount: () => ['notifications', 'unread-count'] as const,
  },
  // Everything about bookings, slots included (a booking takes a seat), so
  // invalidating `bookings.all` refreshes every booking screen at once.
  bookings: {
    all: ['bookings'] as const,
    lists: () => ['bookings', 'list'] as const,
    list: (query: BookingListQuery) => ['bookings', 'list', query] as const,
    detail: (id: number) => ['bookings', 'detail', id] as const,
    slots: (serviceId: number, date: string) => ['bookings', 'slots', serviceId, date] as const,
    timeZone: ['bookings', 'time-zone'] as const,
  },
} as const;

const PUBLIC_ROOTS: readonly unknown[] = [queryKeys.services.all[0]];

/** True for keys whose data another user must never see (dropped when the session ends). */
export function isPrivateKey(key: readonly unknown[]): boolean {
  return !PUBLIC_ROOTS.includes(key[0]);
}

/** A route parameter as an id: a positive integer, or null for anything else ("abc", "1.5"). */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
