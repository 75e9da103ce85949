import { MutationObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { BookingEndpoints } from '../api/bookings';
import { isPrivateKey, queryKeys } from '../api/queryKeys';
import type { Booking, Paginated } from '../api/types';
import { changeBookingStatusMutation, makeBookingMutation } from './bookings';
import { page, seededCache } from '../test/queryCache';

const booking = (id: number, booking_status: Booking['booking_status']) => ({ id, booking_status }) as Booking;

function seeded() {
  return seededCache(
    {
      mine: queryKeys.bookings.list({ page_size: 100 }),
      agenda: queryKeys.bookings.list({ date: '2026-11-30', page_size: 100 }),
      detail: queryKeys.bookings.detail(3),
      slots: queryKeys.bookings.slots(7, '2026-11-30'),
      order: queryKeys.orders.detail(3),
      service: queryKeys.services.detail(7),
    },
    {
      mine: page([booking(3, 'confirmed'), booking(4, 'confirmed')]),
      agenda: page([booking(3, 'confirmed')]),
      detail: booking(3, 'confirmed'),
    },
  );
}

describe('booking cache', () => {
  it('keeps every booking key, slots included, under one private family', () => {
    for (const key of [queryKeys.bookings.list({}), queryKeys.bookings.detail(1), queryKeys.bookings.slots(1, '2026-11-30'), queryKeys.bookings.timeZone]) {
      expect(key[0]).toBe('bookings');
      expect(isPrivateKey(key)).toBe(true);
    }
  });

  it('a status change shows in every list at once and refreshes the slots (a cancel frees a seat), nothing else', async () => {
    const { qc, keys, stale } = seeded();
    const updateStatus = vi.fn(async () => booking(3, 'cancelled'));
    const m = new MutationObserver(qc, changeBookingStatusMutation({ updateStatus } as unknown as BookingEndpoints, qc));
    await m.mutate({ id: 3, to: 'cancelled', reason: 'Barber is ill' });
    expect(updateStatus).toHaveBeenCalledWith(3, { booking_status: 'cancelled', reason: 'Barber is ill' });
    expect(qc.getQueryData<Paginated<Booking>>(keys.mine)?.results.map((b) => b.booking_status)).toEqual(['cancelled', 'confirmed']);
    expect(qc.getQueryData<Paginated<Booking>>(keys.agenda)?.results[0].booking_status).toBe('cancelled');
    expect(qc.getQueryData<Booking>(keys.detail)?.booking_status).toBe('cancelled');
    expect(stale()).toEqual(['agenda', 'detail', 'mine', 'slots']);
  });

  it('a new booking is sent with its Idempotency-Key and marks the slots stale', async () => {
    const { qc, stale } = seeded();
    const create = vi.fn(async () => booking(9, 'confirmed'));
    const m = new MutationObserver(qc, makeBookingMutation({ create } as unknown as BookingEndpoints, qc));
    const body = { service: 7, start: '2026-11-30T10:00:00Z' };
    await m.mutate({ body, key: 'key-1' });
    expect(create).toHaveBeenCalledWith(body, 'key-1');
    expect(qc.getQueryData<Booking>(queryKeys.bookings.detail(9))?.id).toBe(9);
    expect(stale()).toContain('slots');
    expect(stale()).not.toContain('order');
    expect(stale()).not.toContain('service');
  });
});
