import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Endpoints } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { ReviewCreateRequest, ReviewUpdateRequest } from '../api/types';

/** The user's own review of a service, if any (null when signed out). */
export function useMyReview(serviceId: number, userId: number | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.reviews.mine(serviceId, userId ?? 0),
    queryFn: async () => {
      const page = await api.reviews.list({ service: serviceId, user: userId! });
      return page.results.find((r) => r.user === userId) ?? null;
    },
    enabled: enabled && userId !== null,
  });
}

export function postReviewMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: (body: ReviewCreateRequest) => endpoints.reviews.create(body),
    onSuccess: (_: unknown, body: ReviewCreateRequest) => {
      // The service's rating, count and review pages, and "have I reviewed it".
      void qc.invalidateQueries({ queryKey: queryKeys.services.detail(body.service) });
      void qc.invalidateQueries({ queryKey: queryKeys.services.lists() });
      void qc.invalidateQueries({ queryKey: queryKeys.reviews.all });
    },
  };
}

export function usePostReview() {
  return useMutation(postReviewMutation(api, useQueryClient()));
}

/** After a change to one's review: the service's rating and pages, and "my review". */
function refreshAfterReview(qc: QueryClient, serviceId: number) {
  void qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) });
  void qc.invalidateQueries({ queryKey: queryKeys.services.lists() });
  void qc.invalidateQueries({ queryKey: queryKeys.reviews.all });
}

export function updateReviewMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: ({ id, body }: { id: number; serviceId: number; body: ReviewUpdateRequest }) => endpoints.reviews.update(id, body),
    onSuccess: (_: unknown, vars: { serviceId: number }) => refreshAfterReview(qc, vars.serviceId),
  };
}

export function deleteReviewMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    mutationFn: ({ id }: { id: number; serviceId: number }) => endpoints.reviews.remove(id),
    onSuccess: (_: unknown, vars: { serviceId: number }) => refreshAfterReview(qc, vars.serviceId),
  };
}

export function useUpdateReview() {
  return useMutation(updateReviewMutation(api, useQueryClient()));
}

export function useDeleteReview() {
  return useMutation(deleteReviewMutation(api, useQueryClient()));
}
