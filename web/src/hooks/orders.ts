import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Endpoints } from '../api/endpoints';
import { queryKeys, type OrderListQuery } from '../api/queryKeys';
import type { CreateOrderRequest, Order, OrderStatus, Paginated } from '../api/types';
import { isOpen } from '../format';
import { pollUnlessLive, useIsLive } from '../live/LiveProvider';

export const POLL_MS = 5000;
const QUEUE_POLL_MS = 10_000;

/** The caller's orders (a student's own, a vendor's incoming); polls while any is still moving. */
export function useOrders(query: OrderListQuery, options: { enabled?: boolean; poll?: boolean } = {}) {
  const live = useIsLive();
  return useQuery({
    queryKey: queryKeys.orders.list(query),
    queryFn: () => api.orders.list(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: options.poll ? 0 : undefined,
    refetchInterval: (q) => pollUnlessLive(live, options.poll && q.state.data?.results.some((o) => isOpen(o.order_status)) ? POLL_MS : false),
  });
}

/** One order; statuses change under us, so it is checked on arrival and polled while open. */
export function useOrder(id: number | null) {
  const live = useIsLive();
  return useQuery({
    queryKey: queryKeys.orders.detail(id ?? 0),
    queryFn: () => api.orders.get(id!),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (q) => pollUnlessLive(live, q.state.data && isOpen(q.state.data.order_status) ? POLL_MS : false),
  });
}

/** The vendor queue: one request per status (the API filters one status at a time). */
export function useOrderQueue(statuses: readonly OrderStatus[]) {
  const live = useIsLive();
  return useQueries({
    queries: statuses.map((order_status) => ({
      queryKey: queryKeys.orders.list({ order_status, page_size: 100 }),
      queryFn: () => api.orders.list({ order_status, page_size: 100 }),
      refetchInterval: pollUnlessLive(live, QUEUE_POLL_MS),
    })),
  });
}

export function useOrderSummary() {
  const live = useIsLive();
  return useQuery({ queryKey: queryKeys.orders.summary(), queryFn: () => api.orders.summary(), refetchInterval: pollUnlessLive(live, 15_000) });
}

/** `list` with `updated` in place, or moved in or out when the list is one status's. */
export function moveInList(list: Paginated<Order>, updated: Order, status: OrderStatus | undefined): Paginated<Order> {
  const present = list.results.some((o) => o.id === updated.id);
  if (status && status !== updated.order_status) {
    return present ? { ...list, count: list.count - 1, results: list.results.filter((o) => o.id !== updated.id) } : list;
  }
  if (!present) return status ? { ...list, count: list.count + 1, results: [updated, ...list.results] } : list;
  return { ...list, results: list.results.map((o) => (o.id === updated.id ? updated : o)) };
}

export function changeOrderStatusMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: ({ id, to, reason }: { id: number; to: OrderStatus; reason?: string }) =>
      endpoints.orders.updateStatus(id, reason ? { order_status: to, reason } : { order_status: to }),
    onSuccess: (updated: Order) => {
      qc.setQueryData(queryKeys.orders.detail(updated.id), updated);
      // Show the new status in every cached list at once, before the refetches
      // land: the vendor queue reads one list per status, so the order moves
      // from its old status's list to its new one here, or it would vanish
      // from the screen until both refetches had answered.
      for (const [key, old] of qc.getQueriesData<Paginated<Order>>({ queryKey: queryKeys.orders.lists() })) {
        if (!old || !Array.isArray(old.results)) continue;
        qc.setQueryData(key, moveInList(old, updated, (key[2] as OrderListQuery | undefined)?.order_status));
      }
      // Lists (each status tab), the detail and the vendor's summary counts.
      void qc.invalidateQueries({ queryKey: queryKeys.orders.all });
    },
  };
}

export function placeOrderMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: ({ body, key }: { body: CreateOrderRequest; key: string }) => endpoints.orders.create(body, key),
    onSuccess: (created: Order) => {
      qc.setQueryData(queryKeys.orders.detail(created.id), created);
      void qc.invalidateQueries({ queryKey: queryKeys.orders.lists() });
      void qc.invalidateQueries({ queryKey: queryKeys.orders.summary() });
    },
  };
}

export function useChangeOrderStatus() {
  return useMutation(changeOrderStatusMutation(api, useQueryClient()));
}

export function usePlaceOrder() {
  return useMutation(placeOrderMutation(api, useQueryClient()));
}
