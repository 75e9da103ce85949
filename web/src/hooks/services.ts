import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Endpoints, ServiceFilters } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { AvailabilityRequest, Paginated, Service, ServiceItem, ServiceItemWrite, ServiceWrite } from '../api/types';

/** The catalogue (a vendor gets their own services from the same endpoint). */
export function useServices(filters: ServiceFilters) {
  return useQuery({
    queryKey: queryKeys.services.list(filters),
    queryFn: () => api.services.list(filters),
    placeholderData: keepPreviousData,
  });
}

/** One service with its items; `id` null (a malformed URL) asks nothing. */
export function useService(id: number | null) {
  return useQuery({
    queryKey: queryKeys.services.detail(id ?? 0),
    queryFn: () => api.services.get(id!),
    enabled: id !== null,
  });
}

export function useServiceItems(id: number) {
  return useQuery({ queryKey: queryKeys.services.items(id), queryFn: () => api.services.items(id) });
}

export function useServiceReviews(id: number, page: number) {
  return useQuery({
    queryKey: queryKeys.services.reviews(id, page),
    queryFn: () => api.services.reviews(id, page),
    placeholderData: keepPreviousData,
  });
}

/** Replaces a service in every cached list at once, before the refetch lands. */
function patchLists(qc: QueryClient, updated: Service) {
  qc.setQueriesData<Paginated<Service>>({ queryKey: queryKeys.services.lists() }, (old) =>
    old && Array.isArray(old.results) ? { ...old, results: old.results.map((s) => (s.id === updated.id ? { ...s, ...updated } : s)) } : old,
  );
}

// Mutation options are built by plain functions (endpoints and cache passed in)
// so the unit tests can run them against a real QueryClient without React.

export function saveServiceMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: ({ id, body }: { id?: number; body: ServiceWrite }) =>
      id ? endpoints.services.update(id, body) : endpoints.services.create(body),
    onSuccess: (saved: Service) => {
      patchLists(qc, saved);
      void qc.invalidateQueries({ queryKey: queryKeys.services.lists() });
      void qc.invalidateQueries({ queryKey: queryKeys.services.detail(saved.id) });
    },
  };
}

export function deleteServiceMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: (id: number) => endpoints.services.remove(id),
    onSuccess: (_: unknown, id: number) => {
      qc.removeQueries({ queryKey: queryKeys.services.detail(id) });
      void qc.invalidateQueries({ queryKey: queryKeys.services.lists() });
    },
  };
}

export function updateAvailabilityMutation(endpoints: Endpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: (body: AvailabilityRequest) => endpoints.services.updateAvailability(serviceId, body),
    onSuccess: (updated: Service) => {
      patchLists(qc, updated);
      void qc.invalidateQueries({ queryKey: queryKeys.services.lists() });
      void qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) });
    },
  };
}

/** Items live in the service detail too, so both refresh (one prefix covers them). */
export function saveItemMutation(endpoints: Endpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: ({ itemId, body }: { itemId?: number; body: ServiceItemWrite }) =>
      itemId ? endpoints.services.updateItem(serviceId, itemId, body) : endpoints.services.createItem(serviceId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) }),
  };
}

export function deleteItemMutation(endpoints: Endpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: (itemId: number) => endpoints.services.deleteItem(serviceId, itemId),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) }),
  };
}

export function useSaveService() {
  return useMutation(saveServiceMutation(api, useQueryClient()));
}

export function useDeleteService() {
  return useMutation(deleteServiceMutation(api, useQueryClient()));
}

export function useUpdateAvailability(serviceId: number) {
  return useMutation(updateAvailabilityMutation(api, useQueryClient(), serviceId));
}

export function useSaveItem(serviceId: number) {
  return useMutation(saveItemMutation(api, useQueryClient(), serviceId));
}

export function useDeleteItem(serviceId: number) {
  return useMutation(deleteItemMutation(api, useQueryClient(), serviceId));
}

/**
 * One tap marks an item sold out (or back): the list shows it at once, and the
 * old value comes back if the server refuses.
 */
export function toggleItemMutation(endpoints: Endpoints, qc: QueryClient, serviceId: number) {
  const key = queryKeys.services.items(serviceId);
  const setAvailable = (itemId: number, available: boolean) =>
    qc.setQueryData<Paginated<ServiceItem>>(key, (old) =>
      old && Array.isArray(old.results) ? { ...old, results: old.results.map((i) => (i.id === itemId ? { ...i, is_available: available } : i)) } : old,
    );
  return {
    mutationFn: ({ itemId, available }: { itemId: number; available: boolean }) => endpoints.services.updateItem(serviceId, itemId, { is_available: available }),
    onMutate: async ({ itemId, available }: { itemId: number; available: boolean }) => {
      await qc.cancelQueries({ queryKey: key });
      setAvailable(itemId, available);
    },
    onError: (_: unknown, { itemId, available }: { itemId: number; available: boolean }) => setAvailable(itemId, !available),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) }),
  };
}

export function useToggleItem(serviceId: number) {
  return useMutation(toggleItemMutation(api, useQueryClient(), serviceId));
}
