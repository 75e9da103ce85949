import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { queryKeys } from '../api/queryKeys';
import type { OptionGroup, OptionGroupWrite } from '../api/types';

/**
 * A vendor's writes to an item's option groups and to the stock counts. Every
 * one refreshes the service (its items, their groups and stock) once it lands.
 */
function useServiceWrite<V, R>(serviceId: number, write: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) }),
  });
}

export function useCreateOptionGroup(serviceId: number, itemId: number) {
  return useServiceWrite(serviceId, (body: Omit<OptionGroupWrite, 'position'>) => api.services.createOptionGroup(serviceId, itemId, body));
}

export function useReplaceOptionGroup(serviceId: number, itemId: number) {
  return useServiceWrite(serviceId, ({ groupId, body }: { groupId: number; body: OptionGroupWrite }) =>
    api.services.replaceOptionGroup(serviceId, itemId, groupId, body),
  );
}

export function useDeleteOptionGroup(serviceId: number, itemId: number) {
  return useServiceWrite(serviceId, (groupId: number) => api.services.deleteOptionGroup(serviceId, itemId, groupId));
}

/** The body that writes `group` back as it is (to change one thing in it, or move it). */
export function groupBody(group: OptionGroup): OptionGroupWrite {
  return {
    name: group.name,
    min_choices: group.min_choices,
    max_choices: group.max_choices,
    options: group.options.map((o) => ({ name: o.name, price_delta: o.price_delta, is_available: o.is_available })),
  };
}

export interface StockChange {
  itemId: number;
  stock: number | null;
}

export interface StockOutcome {
  itemId: number;
  error: unknown;
}

/**
 * Saves several items' counts, one PATCH each (the API has no bulk write):
 * each item succeeds or fails on its own, and the outcome names the failures.
 */
export function useSaveStock(serviceId: number) {
  return useServiceWrite(serviceId, async (changes: StockChange[]): Promise<StockOutcome[]> => {
    const results = await Promise.allSettled(changes.map((c) => api.services.setStock(serviceId, c.itemId, c.stock)));
    return results.flatMap((r, i) => (r.status === 'rejected' ? [{ itemId: changes[i].itemId, error: r.reason as unknown }] : []));
  });
}
