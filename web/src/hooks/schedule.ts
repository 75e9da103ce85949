import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { client } from '../api';
import { queryKeys } from '../api/queryKeys';
import { scheduleEndpoints, type ScheduleEndpoints } from '../api/scheduleEndpoints';
import type { ClosureRequest, Hours, PauseRequest, WeeklyPeriod } from '../api/types';

const schedule = scheduleEndpoints(client);

/** Hours, closures, pause and open state of one service (public, like the catalogue). */
export function useHours(id: number | null) {
  return useQuery({
    queryKey: queryKeys.services.hours(id ?? 0),
    queryFn: () => schedule.hours(id!),
    enabled: id !== null,
    // Open/closed changes with the clock and decides what checkout offers: asked
    // again on every page that shows it, and now and then while it is open.
    staleTime: 0,
    refetchInterval: 60_000,
  });
}

/** Pickup (or booking) slots of one campus date; places run out, so it is re-asked often. */
export function useSlots(id: number, date: string | null) {
  return useQuery({
    queryKey: queryKeys.services.slots(id, date ?? ''),
    queryFn: () => schedule.slots(id, date!),
    enabled: date !== null,
    staleTime: 0,
    refetchInterval: 30_000,
  });
}

/**
 * After any calendar change: the new hours go into the cache at once, and the
 * service (its open state, slots) and every catalogue list are refreshed.
 */
function refreshCalendar(qc: QueryClient, serviceId: number, hours?: Hours) {
  if (hours) qc.setQueryData(queryKeys.services.hours(serviceId), hours);
  void qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) });
  void qc.invalidateQueries({ queryKey: queryKeys.services.lists() });
}

export function replaceHoursMutation(endpoints: ScheduleEndpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: (weekly: WeeklyPeriod[]) => endpoints.replaceHours(serviceId, weekly),
    onSuccess: (hours: Hours) => refreshCalendar(qc, serviceId, hours),
  };
}

export function addClosureMutation(endpoints: ScheduleEndpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: (body: ClosureRequest) => endpoints.addClosure(serviceId, body),
    onSuccess: () => refreshCalendar(qc, serviceId),
  };
}

export function deleteClosureMutation(endpoints: ScheduleEndpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: (closureId: number) => endpoints.deleteClosure(serviceId, closureId),
    onSuccess: () => refreshCalendar(qc, serviceId),
  };
}

export function pauseMutation(endpoints: ScheduleEndpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: (body: PauseRequest) => endpoints.pause(serviceId, body),
    onSuccess: (hours: Hours) => refreshCalendar(qc, serviceId, hours),
  };
}

export function resumeMutation(endpoints: ScheduleEndpoints, qc: QueryClient, serviceId: number) {
  return {
    mutationFn: () => endpoints.resume(serviceId),
    onSuccess: () => refreshCalendar(qc, serviceId),
  };
}

export function useReplaceHours(serviceId: number) {
  return useMutation(replaceHoursMutation(schedule, useQueryClient(), serviceId));
}

export function useAddClosure(serviceId: number) {
  return useMutation(addClosureMutation(schedule, useQueryClient(), serviceId));
}

export function useDeleteClosure(serviceId: number) {
  return useMutation(deleteClosureMutation(schedule, useQueryClient(), serviceId));
}

export function usePause(serviceId: number) {
  return useMutation(pauseMutation(schedule, useQueryClient(), serviceId));
}

export function useResume(serviceId: number) {
  return useMutation(resumeMutation(schedule, useQueryClient(), serviceId));
}
