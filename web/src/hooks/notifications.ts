import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Endpoints } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import { pollUnlessLive, useIsLive } from '../live/LiveProvider';

/** Polled only while the event stream is down; the stream invalidates it otherwise. */
const UNREAD_POLL_MS = 30_000;

/** The caller's unread count, for the header bell. */
export function useUnreadCount(enabled: boolean) {
  const live = useIsLive();
  return useQuery({
    queryKey: queryKeys.notifications.unreadCount(),
    queryFn: () => api.notifications.unreadCount(),
    enabled,
    refetchInterval: pollUnlessLive(live, UNREAD_POLL_MS),
  });
}

/** One page of the caller's notifications, newest first. */
export function useNotifications(page: number) {
  return useQuery({
    queryKey: queryKeys.notifications.list(page),
    queryFn: () => api.notifications.list({ page }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function markReadMutation(endpoints: Endpoints, qc: QueryClient) {
  return {
    /** Ids: those; none: all of the caller's. */
    mutationFn: (ids?: number[]) => endpoints.notifications.markRead(ids),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.notifications.all });
    },
  };
}

export function useMarkRead() {
  return useMutation(markReadMutation(api, useQueryClient()));
}
