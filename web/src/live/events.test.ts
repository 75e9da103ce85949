import { describe, expect, it } from 'vitest';
import { queryKeys } from '../api/queryKeys';
import { backoffMs, keysForEvent, sleptBetween, streamUrl, titleWithCount } from './events';

describe('keysForEvent', () => {
  it('refreshes every order view and the bell on an order event', () => {
    expect(keysForEvent({ kind: 'order_placed', service: 3 })).toEqual([queryKeys.notifications.all, queryKeys.orders.all]);
    expect(keysForEvent({ kind: 'order_status', service: 3 })).toEqual([queryKeys.notifications.all, queryKeys.orders.all]);
  });

  it('refreshes the bookings family on a booking event, not the orders', () => {
    for (const kind of ['booking_made', 'booking_status'] as const) {
      const keys = keysForEvent({ kind, service: 3 });
      expect(keys).toContainEqual(['bookings']);
      expect(keys).not.toContainEqual(queryKeys.orders.all);
    }
  });

  it("refreshes the reviewed service's page on a review", () => {
    expect(keysForEvent({ kind: 'review_posted', service: 9 })).toEqual([
      queryKeys.notifications.all,
      queryKeys.reviews.all,
      queryKeys.services.detail(9),
    ]);
  });

  it('still refreshes the bell for a kind this build does not know', () => {
    expect(keysForEvent({ kind: 'something_new' as never, service: null })).toEqual([queryKeys.notifications.all]);
  });
});

describe('backoffMs', () => {
  it('doubles from one second up to thirty, with jitter between half and the whole step', () => {
    expect([0, 1, 2, 3, 4].map((a) => backoffMs(a, 0.999999))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(backoffMs(5, 0.999999)).toBe(30_000);
    expect(backoffMs(50, 0.999999)).toBe(30_000);
    expect(backoffMs(0, 0)).toBe(500);
    expect(backoffMs(10, 0)).toBe(15_000);
  });
});

describe('sleptBetween', () => {
  it('sees a timer that fired far too late as sleep', () => {
    expect(sleptBetween(0, 5_000)).toBe(false);
    expect(sleptBetween(0, 19_000)).toBe(false);
    expect(sleptBetween(0, 120_000)).toBe(true);
  });
});

describe('titleWithCount', () => {
  it('puts the count of waiting orders first', () => {
    expect(titleWithCount(2, 'Order queue · Campus Services')).toBe('(2) Order queue · Campus Services');
    expect(titleWithCount(0, 'Order queue · Campus Services')).toBe('Order queue · Campus Services');
  });
});

describe('streamUrl', () => {
  it('resumes after the last event seen', () => {
    expect(streamUrl('abc-_1', null)).toBe('/api/events/?ticket=abc-_1');
    expect(streamUrl('abc', 42)).toBe('/api/events/?ticket=abc&last_event_id=42');
  });
});
