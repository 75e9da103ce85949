import type { ApiClient } from './client';
import type { Booking, BookingCreateRequest, Slot, BookingStatus, BookingStatusRequest, Paginated, SiteConfig } from './types';

/** `GET /api/bookings/` filters (`date` is a campus date, YYYY-MM-DD). */
export interface BookingListQuery {
  booking_status?: BookingStatus;
  service?: number;
  date?: string;
  page?: number;
  page_size?: number;
}

/** The bookings endpoints, the slots and the campus time zone the booking screens need. */
export function bookingEndpoints(client: ApiClient) {
  return {
    list: (query: BookingListQuery) => client.get<Paginated<Booking>>('/api/bookings/', { ...query }),
    get: (id: number) => client.get<Booking>(`/api/bookings/${id}/`),
    /** Safe to resend: the key makes the server return the first booking. */
    create: (body: BookingCreateRequest, idempotencyKey: string) =>
      client.post<Booking>('/api/bookings/', body, {
        headers: { 'Idempotency-Key': idempotencyKey },
        networkRetries: 2,
      }),
    updateStatus: (id: number, body: BookingStatusRequest) => client.post<Booking>(`/api/bookings/${id}/update_status/`, body),
    /** A booking service's slots on a campus date, with the seats left. */
    slots: (serviceId: number, date: string) => client.get<Slot[]>(`/api/services/${serviceId}/slots/`, { date }),
    /** The campus time zone (`GET /api/config/`), to know which day "today" is there. */
    timeZone: async () => (await client.get<SiteConfig>('/api/config/')).time_zone,
  };
}

export type BookingEndpoints = ReturnType<typeof bookingEndpoints>;
