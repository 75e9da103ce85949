import type { ApiClient } from './client';
import type { Booking, BookingCreateRequest, BookingSlot, BookingStatus, BookingStatusRequest, Paginated } from './types';

/** `GET /api/bookings/` filters (`date` is a campus date, YYYY-MM-DD). */
export interface BookingListQuery {
  booking_status?: BookingStatus;
  service?: number;
  date?: string;
  page?: number;
  page_size?: number;
}

/** The bookings endpoints, and the two schedule reads the booking screens need. */
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
    slots: (serviceId: number, date: string) => client.get<BookingSlot[]>(`/api/services/${serviceId}/slots/`, { date }),
    /** The campus time zone (from the service's hours), to know which day "today" is there. */
    timeZone: async (serviceId: number) =>
      (await client.get<{ time_zone: string }>(`/api/services/${serviceId}/hours/`)).time_zone,
  };
}

export type BookingEndpoints = ReturnType<typeof bookingEndpoints>;
