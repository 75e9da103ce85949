import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { client } from '../api';
import { bookingEndpoints, type BookingEndpoints, type BookingListQuery } from '../api/bookings';
import { queryKeys } from '../api/queryKeys';
import type { Booking, BookingCreateRequest, BookingStatus, Paginated } from '../api/types';
import { pollUnlessLive, useIsLive } from '../live/LiveProvider';

const bookingsApi = bookingEndpoints(client);

/**
 * Bookings change under us (the other side cancels, a seat is taken). One's own
 * bookings are refreshed by the live stream (it invalidates `bookings.all`) and
 * polled only while the stream is down; slots also change through other
 * students' bookings, which no stream event tells us about, so they always poll.
 */
export const BOOKINGS_POLL_MS = 10_000;

export function useBookingSlots(serviceId: number, date: string | null) {
  return useQuery({
    queryKey: queryKeys.bookings.slots(serviceId, date ?? ''),
    queryFn: () => bookingsApi.slots(serviceId, date!),
    enabled: date !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: BOOKINGS_POLL_MS,
  });
}

/** The campus time zone; it does not change while the app runs. */
export function useCampusTimeZone() {
  return useQuery({
    queryKey: queryKeys.bookings.timeZone,
    queryFn: () => bookingsApi.timeZone(),
    staleTime: Infinity,
    retry: 1,
  });
}

export function useBookings(query: BookingListQuery, options: { enabled?: boolean } = {}) {
  const live = useIsLive();
  return useQuery({
    queryKey: queryKeys.bookings.list(query),
    queryFn: () => bookingsApi.list(query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    staleTime: 0,
    refetchInterval: pollUnlessLive(live, BOOKINGS_POLL_MS),
  });
}

/** One list per date (the vendor's week: seven days side by side). */
export function useBookingsByDate(dates: string[], query: Omit<BookingListQuery, 'date'>, options: { enabled?: boolean } = {}) {
  const live = useIsLive();
  return useQueries({
    queries: dates.map((date) => ({
      queryKey: queryKeys.bookings.list({ ...query, date }),
      queryFn: () => bookingsApi.list({ ...query, date }),
      enabled: options.enabled ?? true,
      staleTime: 0,
      refetchInterval: pollUnlessLive(live, BOOKINGS_POLL_MS),
    })),
  });
}

export function useBooking(id: number | null) {
  const live = useIsLive();
  return useQuery({
    queryKey: queryKeys.bookings.detail(id ?? 0),
    queryFn: () => bookingsApi.get(id!),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: pollUnlessLive(live, BOOKINGS_POLL_MS),
  });
}

/** Puts `updated` into every cached list that holds it, before the refetches land. */
function patchLists(qc: QueryClient, updated: Booking) {
  qc.setQueriesData<Paginated<Booking>>({ queryKey: queryKeys.bookings.lists() }, (old) =>
    old && Array.isArray(old.results) ? { ...old, results: old.results.map((b) => (b.id === updated.id ? updated : b)) } : old,
  );
}

export function makeBookingMutation(endpoints: BookingEndpoints, qc: QueryClient) {
  return {
    mutationFn: ({ body, key }: { body: BookingCreateRequest; key: string }) => endpoints.create(body, key),
    onSuccess: (created: Booking) => {
      qc.setQueryData(queryKeys.bookings.detail(created.id), created);
      // The lists and the slots (one seat fewer).
      void qc.invalidateQueries({ queryKey: queryKeys.bookings.all });
    },
  };
}

export function changeBookingStatusMutation(endpoints: BookingEndpoints, qc: QueryClient) {
  return {
    mutationFn: ({ id, to, reason }: { id: number; to: BookingStatus; reason?: string }) =>
      endpoints.updateStatus(id, reason ? { booking_status: to, reason } : { booking_status: to }),
    onSuccess: (updated: Booking) => {
      qc.setQueryData(queryKeys.bookings.detail(updated.id), updated);
      patchLists(qc, updated);
      // A cancelled booking frees its seat: the slots refresh too.
      void qc.invalidateQueries({ queryKey: queryKeys.bookings.all });
    },
  };
}

export function useMakeBooking() {
  return useMutation(makeBookingMutation(bookingsApi, useQueryClient()));
}

export function useChangeBookingStatus() {
  return useMutation(changeBookingStatusMutation(bookingsApi, useQueryClient()));
}
