import { describe, expect, it, vi } from 'vitest';
import type { Endpoints } from '../api/endpoints';
import { isPrivateKey, parseId, queryKeys } from '../api/queryKeys';
import type { Order, Paginated, Service } from '../api/types';
import { changeOrderStatusMutation, placeOrderMutation } from './orders';
import { postReviewMutation } from './reviews';
import { deleteServiceMutation, saveItemMutation, saveServiceMutation, updateAvailabilityMutation } from './services';
import { saveVendorProfileMutation } from './vendorProfile';
import { page, runMutation, seededCache as seeded } from '../test/queryCache';

const order = (id: number, order_status: Order['order_status']) => ({ id, order_status }) as Order;

/** A cache holding one entry per family, to see which ones a mutation marks stale. */
function seededCache() {
  return seeded(
    {
      serviceList: queryKeys.services.list({ page: 1 }),
      service7: queryKeys.services.detail(7),
      service7Items: queryKeys.services.items(7),
      service7Reviews: queryKeys.services.reviews(7, 1),
      service8: queryKeys.services.detail(8),
      orderList: queryKeys.orders.list({ page: 1 }),
      pendingQueue: queryKeys.orders.list({ order_status: 'pending', page_size: 100 }),
      confirmedQueue: queryKeys.orders.list({ order_status: 'confirmed', page_size: 100 }),
      order3: queryKeys.orders.detail(3),
      summary: queryKeys.orders.summary(),
      myReview: queryKeys.reviews.mine(7, 1),
      profile: queryKeys.vendorProfile.mine(1),
    },
    {
      serviceList: page([{ id: 7, availability_status: 'available', is_available: true } as Service]),
      orderList: page([order(3, 'pending'), order(4, 'pending')]),
      pendingQueue: page([order(3, 'pending')]),
      confirmedQueue: page([]),
      order3: order(3, 'pending'),
    },
  );
}

function fakeEndpoints(overrides: Record<string, Record<string, unknown>>): Endpoints {
  return overrides as unknown as Endpoints;
}


describe('query keys', () => {
  it('use numeric ids, so "7" from a URL and 7 from a response are one cache entry', () => {
    expect(parseId('7')).toBe(7);
    expect(queryKeys.services.detail(parseId('7')!)).toEqual(queryKeys.services.detail(7));
    for (const bad of ['abc', '7abc', '1.5', '0', '-3', '', undefined]) expect(parseId(bad)).toBeNull();
  });

  it('keep the catalogue public and everything else private', () => {
    expect(isPrivateKey(queryKeys.services.detail(1))).toBe(false);
    expect(isPrivateKey(queryKeys.orders.summary())).toBe(true);
    expect(isPrivateKey(queryKeys.reviews.mine(1, 2))).toBe(true);
    expect(isPrivateKey(queryKeys.vendorProfile.mine(2))).toBe(true);
  });
});

describe('mutations own their invalidation', () => {
  it('a status change updates the order everywhere at once, then refreshes every order view', async () => {
    const { qc, keys, stale } = seededCache();
    const updateStatus = vi.fn(async () => order(3, 'confirmed'));
    await runMutation(qc, changeOrderStatusMutation(fakeEndpoints({ orders: { updateStatus } }), qc), { id: 3, to: 'confirmed' as const });
    expect(updateStatus).toHaveBeenCalledWith(3, { order_status: 'confirmed' });
    expect(qc.getQueryData<Order>(keys.order3)?.order_status).toBe('confirmed');
    expect(qc.getQueryData<Paginated<Order>>(keys.orderList)?.results.map((o) => o.order_status)).toEqual(['confirmed', 'pending']);
    // It leaves the pending queue and joins the confirmed one at once (no flicker out of view).
    expect(qc.getQueryData<Paginated<Order>>(keys.pendingQueue)).toEqual(page([]));
    expect(qc.getQueryData<Paginated<Order>>(keys.confirmedQueue)?.results.map((o) => o.id)).toEqual([3]);
    expect(stale()).toEqual(['confirmedQueue', 'order3', 'orderList', 'pendingQueue', 'summary']);
  });

  it('placing an order refreshes the order lists and summary, not the catalogue', async () => {
    const { qc, stale } = seededCache();
    const create = vi.fn(async () => order(9, 'pending'));
    await runMutation(qc, placeOrderMutation(fakeEndpoints({ orders: { create } }), qc), { body: { service: 7, items: [] }, key: 'k1' });
    expect(create).toHaveBeenCalledWith({ service: 7, items: [] }, 'k1');
    expect(qc.getQueryData(queryKeys.orders.detail(9))).toEqual(order(9, 'pending'));
    expect(stale()).toEqual(['confirmedQueue', 'orderList', 'pendingQueue', 'summary']);
  });

  it('availability refreshes the lists and that service (with its items and reviews) only', async () => {
    const { qc, keys, stale } = seededCache();
    const updated = { id: 7, availability_status: 'busy', is_available: true } as Service;
    const updateAvailability = vi.fn(async () => updated);
    await runMutation(qc, updateAvailabilityMutation(fakeEndpoints({ services: { updateAvailability } }), qc, 7), { availability_status: 'busy' as const, is_available: true });
    expect(updateAvailability).toHaveBeenCalledWith(7, { availability_status: 'busy', is_available: true });
    expect(qc.getQueryData<Paginated<Service>>(keys.serviceList)?.results[0].availability_status).toBe('busy');
    expect(stale()).toEqual(['service7', 'service7Items', 'service7Reviews', 'serviceList']);
  });

  it('saving an item refreshes that service and its items, not other services or lists', async () => {
    const { qc, stale } = seededCache();
    const createItem = vi.fn(async () => ({ id: 1, name: 'Tea' }));
    await runMutation(qc, saveItemMutation(fakeEndpoints({ services: { createItem } }), qc, 7), { body: { name: 'Tea', price: '1.00' } });
    expect(createItem).toHaveBeenCalledWith(7, { name: 'Tea', price: '1.00' });
    expect(stale()).toEqual(['service7', 'service7Items', 'service7Reviews']);
  });

  it('saving a service updates rather than creates when given an id', async () => {
    const { qc, stale } = seededCache();
    const update = vi.fn(async () => ({ id: 8 }) as Service);
    const create = vi.fn();
    await runMutation(qc, saveServiceMutation(fakeEndpoints({ services: { update, create } }), qc), { id: 8, body: { service_name: 'X' } });
    expect(create).not.toHaveBeenCalled();
    expect(stale()).toEqual(['service8', 'serviceList']);
  });

  it('deleting a service drops its cache entry and refreshes the lists', async () => {
    const { qc, keys, stale } = seededCache();
    await runMutation(qc, deleteServiceMutation(fakeEndpoints({ services: { remove: vi.fn(async () => null) } }), qc), 7);
    expect(qc.getQueryState(keys.service7)).toBeUndefined();
    expect(stale()).toEqual(['serviceList']);
  });

  it('a review refreshes the service (rating, reviews), the lists and "my review"', async () => {
    const { qc, stale } = seededCache();
    const create = vi.fn(async () => ({ id: 1 }));
    await runMutation(qc, postReviewMutation(fakeEndpoints({ reviews: { create } }), qc), { service: 7, rating: 4 });
    expect(stale()).toEqual(['myReview', 'service7', 'service7Items', 'service7Reviews', 'serviceList']);
  });

  it('a saved vendor profile is cached as mine and refreshes every service (business name)', async () => {
    const { qc, keys, stale } = seededCache();
    const saved = { id: 5, user: 1, business_name: 'Cafe' };
    await runMutation(qc, saveVendorProfileMutation(fakeEndpoints({ vendorProfiles: { update: vi.fn(async () => saved) } }), qc, 1), { id: 5, body: { business_name: 'Cafe' } });
    expect(qc.getQueryData(keys.profile)).toEqual(saved);
    expect(stale()).toEqual(['service7', 'service7Items', 'service7Reviews', 'service8', 'serviceList']);
  });

  it('a failed mutation invalidates nothing', async () => {
    const { qc, stale } = seededCache();
    const updateStatus = vi.fn(async () => {
      throw new Error('409');
    });
    await expect(runMutation(qc, changeOrderStatusMutation(fakeEndpoints({ orders: { updateStatus } }), qc), { id: 3, to: 'ready' as const })).rejects.toThrow('409');
    expect(stale()).toEqual([]);
  });
});
