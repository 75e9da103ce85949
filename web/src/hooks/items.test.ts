import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { Paginated, ServiceItem } from '../api/types';
import { toggleItemMutation } from './services';

const items = (): Paginated<ServiceItem> => ({ count: 2, results: [{ id: 1, is_available: true } as ServiceItem, { id: 2, is_available: true } as ServiceItem] });

function run(updateItem: () => Promise<unknown>) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(queryKeys.services.items(7), items());
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const endpoints = { services: { updateItem: async () => { await gate; return updateItem(); } } } as unknown as Endpoints;
  const observer = new MutationObserver(qc, toggleItemMutation(endpoints, qc, 7));
  const done = observer.mutate({ itemId: 1, available: false }).catch(() => undefined);
  const availability = () => qc.getQueryData<Paginated<ServiceItem>>(queryKeys.services.items(7))!.results.map((i) => i.is_available);
  return { availability, release, done };
}

describe('the sold-out toggle', () => {
  it('shows the item sold out before the server answers, and keeps it', async () => {
    const t = run(async () => ({ id: 1, is_available: false }));
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(t.availability()).toEqual([false, true]);
    t.release();
    await t.done;
    expect(t.availability()).toEqual([false, true]);
  });

  it('puts the old value back when the server refuses', async () => {
    const t = run(async () => {
      throw new Error('403');
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(t.availability()).toEqual([false, true]);
    t.release();
    await t.done;
    expect(t.availability()).toEqual([true, true]);
  });
});
