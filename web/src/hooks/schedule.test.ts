import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../api/queryKeys';
import type { ScheduleEndpoints } from '../api/scheduleEndpoints';
import type { Hours } from '../api/types';
import { addClosureMutation, pauseMutation } from './schedule';
import { runMutation, seededCache } from '../test/queryCache';

const hours = (paused_until: string | null) =>
  ({ time_zone: 'UTC', weekly: [], closures: [], paused_until, pause_reason: paused_until ? 'rush' : '', open_now: !paused_until, next_opening: paused_until }) as Hours;

function seeded() {
  return seededCache(
    {
      list: queryKeys.services.list({ page: 1 }),
      service7: queryKeys.services.detail(7),
      hours7: queryKeys.services.hours(7),
      slots7: queryKeys.services.slots(7, '2026-06-03'),
      service8: queryKeys.services.detail(8),
      orders: queryKeys.orders.lists(),
    },
    { hours7: hours(null) },
  );
}


describe('calendar changes refresh what shows them', () => {
  it('a pause shows at once, and the service, its slots and the catalogue are asked again', async () => {
    const { qc, keys, stale } = seeded();
    const pause = vi.fn(async () => hours('2026-06-03T12:40:00+02:00'));
    await runMutation(qc, pauseMutation({ pause } as unknown as ScheduleEndpoints, qc, 7), { minutes: 15, reason: 'rush' });
    expect(pause).toHaveBeenCalledWith(7, { minutes: 15, reason: 'rush' });
    expect(qc.getQueryData<Hours>(keys.hours7)?.paused_until).toBe('2026-06-03T12:40:00+02:00');
    // Another service and the orders are left alone.
    expect(stale()).toEqual(['hours7', 'list', 'service7', 'slots7']);
  });

  it('a closure refreshes the hours that list it', async () => {
    const { qc, stale } = seeded();
    const addClosure = vi.fn(async () => ({ id: 1, starts_on: '2026-06-10', ends_on: '2026-06-10', reason: '' }));
    await runMutation(qc, addClosureMutation({ addClosure } as unknown as ScheduleEndpoints, qc, 7), { starts_on: '2026-06-10', ends_on: '2026-06-10', reason: '' });
    expect(stale()).toEqual(['hours7', 'list', 'service7', 'slots7']);
  });
});
