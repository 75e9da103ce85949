import type { ApiClient } from './client';
import type { Closure, ClosureRequest, Hours, PauseRequest, Slot, WeeklyPeriod } from './types';

/** A service's calendar: weekly hours, closures, pauses and pickup/booking slots. */
export function scheduleEndpoints(client: ApiClient) {
  const base = (id: number) => `/api/services/${id}`;
  return {
    hours: (id: number) => client.get<Hours>(`${base(id)}/hours/`),
    replaceHours: (id: number, weekly: WeeklyPeriod[]) => client.request<Hours>(`${base(id)}/hours/`, { method: 'PUT', body: { weekly } }),
    addClosure: (id: number, body: ClosureRequest) => client.post<Closure>(`${base(id)}/closures/`, body),
    deleteClosure: (id: number, closureId: number) => client.delete(`${base(id)}/closures/${closureId}/`),
    pause: (id: number, body: PauseRequest) => client.post<Hours>(`${base(id)}/pause/`, body),
    resume: (id: number) => client.delete(`${base(id)}/pause/`),
    /** `date` is a campus "YYYY-MM-DD". */
    slots: (id: number, date: string) => client.get<Slot[]>(`${base(id)}/slots/`, { date }),
  };
}

export type ScheduleEndpoints = ReturnType<typeof scheduleEndpoints>;
