import type { ApiClient, QueryValue } from './client';
import { toFormData } from './multipart';
import type {
  AvailabilityRequest,
  CreateOrderRequest,
  EventTicket,
  LoginResponse,
  Notification,
  Order,
  OptionGroup,
  OptionGroupWrite,
  OrderStatus,
  OrderStatusRequest,
  OrderSummary,
  Paginated,
  RegisterRequest,
  Review,
  ReviewCreateRequest,
  ReviewUpdateRequest,
  Service,
  ServiceDetail,
  ServiceItem,
  ServiceItemWrite,
  ServiceListRow,
  ServiceWrite,
  User,
  VendorProfile,
  VendorProfileWrite,
} from './types';

/** Catalogue filters as the URL and the query string carry them. */
export interface ServiceFilters {
  search?: string;
  category?: string;
  service_type?: string;
  min_price?: string;
  max_price?: string;
  ordering?: string;
  is_available?: string;
  vendor?: number;
  page?: number;
  page_size?: number;
}

/** A report's local dates, `YYYY-MM-DD`, both inclusive. */
export interface ReportRange {
  from: string;
  to: string;
}

/** Every endpoint the app uses, typed; one place to read the HTTP surface. */
export function endpoints(client: ApiClient) {
  return {
    auth: {
      login: (email: string, password: string) =>
        client.post<LoginResponse>('/api/users/login/', { email, password }, { auth: false }),
      register: (body: RegisterRequest) => client.post<User>('/api/users/register/', body, { auth: false }),
      logout: (refresh: string) => client.post<unknown>('/api/users/logout/', { refresh }),
      me: () => client.get<User>('/api/users/me/'),
    },
    services: {
      list: (filters: ServiceFilters) =>
        client.get<Paginated<ServiceListRow>>('/api/services/', filters as Record<string, QueryValue>),
      get: (id: number) => client.get<ServiceDetail>(`/api/services/${id}/`),
      /** The catalogue as anyone sees it, whoever is signed in (a vendor's own reads see only their services). */
      publicList: (filters: ServiceFilters) =>
        client.get<Paginated<ServiceListRow>>('/api/services/', filters as Record<string, QueryValue>, { auth: false }),
      create: (body: ServiceWrite) => client.post<Service>('/api/services/', toFormData(body)),
      update: (id: number, body: ServiceWrite) => client.patch<Service>(`/api/services/${id}/`, toFormData(body)),
      remove: (id: number) => client.delete(`/api/services/${id}/`),
      updateAvailability: (id: number, body: AvailabilityRequest) =>
        client.post<Service>(`/api/services/${id}/update_availability/`, body),
      reviews: (id: number, page = 1) => client.get<Paginated<Review>>(`/api/services/${id}/reviews/`, { page }),
      items: (id: number) => client.get<Paginated<ServiceItem>>(`/api/services/${id}/items/`, { page_size: 100 }),
      createItem: (id: number, body: ServiceItemWrite) =>
        client.post<ServiceItem>(`/api/services/${id}/items/`, toFormData(body)),
      updateItem: (id: number, itemId: number, body: ServiceItemWrite) =>
        client.patch<ServiceItem>(`/api/services/${id}/items/${itemId}/`, toFormData(body)),
      deleteItem: (id: number, itemId: number) => client.delete(`/api/services/${id}/items/${itemId}/`),
      /** Sets (a number) or clears (null: not counted) an item's stock. */
      setStock: (id: number, itemId: number, stock: number | null) =>
        client.patch<ServiceItem>(`/api/services/${id}/items/${itemId}/`, { stock }),
      createOptionGroup: (id: number, itemId: number, body: Omit<OptionGroupWrite, 'position'>) =>
        client.post<OptionGroup>(`/api/services/${id}/items/${itemId}/option-groups/`, body),
      /** Replaces the whole group; a `position` also moves it among the item's groups. */
      replaceOptionGroup: (id: number, itemId: number, groupId: number, body: OptionGroupWrite) =>
        client.put<OptionGroup>(`/api/services/${id}/items/${itemId}/option-groups/${groupId}/`, body),
      deleteOptionGroup: (id: number, itemId: number, groupId: number) =>
        client.delete(`/api/services/${id}/items/${itemId}/option-groups/${groupId}/`),
    },
    vendorProfiles: {
      list: (query: Record<string, QueryValue>) => client.get<Paginated<VendorProfile>>('/api/vendor-profiles/', query),
      get: (id: number) => client.get<VendorProfile>(`/api/vendor-profiles/${id}/`),
      create: (body: VendorProfileWrite) => client.post<VendorProfile>('/api/vendor-profiles/', toFormData(body)),
      update: (id: number, body: VendorProfileWrite) =>
        client.patch<VendorProfile>(`/api/vendor-profiles/${id}/`, toFormData(body)),
    },
    orders: {
      list: (query: { order_status?: OrderStatus; service?: number; page?: number; page_size?: number }) =>
        client.get<Paginated<Order>>('/api/orders/', query),
      get: (id: number) => client.get<Order>(`/api/orders/${id}/`),
      /** Safe to resend: the key makes the server return the first order. */
      create: (body: CreateOrderRequest, idempotencyKey: string) =>
        client.post<Order>('/api/orders/', body, {
          headers: { 'Idempotency-Key': idempotencyKey },
          networkRetries: 2,
        }),
      updateStatus: (id: number, body: OrderStatusRequest) =>
        client.post<Order>(`/api/orders/${id}/update_status/`, body),
      summary: () => client.get<OrderSummary>('/api/orders/summary/'),
      /** `by_day` for the local dates `from`..`to` (inclusive); the server defaults to the last 30 days. */
      report: (range: ReportRange) => client.get<OrderSummary>('/api/orders/summary/', { ...range }),
      /** The CSV of that range's order lines, with the server's file name. */
      exportCsv: (range: ReportRange) => client.download('/api/orders/export/', { ...range }),
    },
    reviews: {
      list: (query: { service?: number; user?: number; page?: number }) =>
        client.get<Paginated<Review>>('/api/reviews/', query),
      create: (body: ReviewCreateRequest) => client.post<Review>('/api/reviews/', body),
      update: (id: number, body: ReviewUpdateRequest) => client.patch<Review>(`/api/reviews/${id}/`, body),
      remove: (id: number) => client.delete(`/api/reviews/${id}/`),
    },
    notifications: {
      list: (query: { page?: number; unread?: boolean }) =>
        client.get<Paginated<Notification>>('/api/notifications/', query),
      unreadCount: () => client.get<{ count: number }>('/api/notifications/unread_count/'),
      /** Without ids: every one of the caller's notifications. */
      markRead: (ids?: number[]) => client.post<{ marked: number }>('/api/notifications/mark_read/', ids ? { ids } : {}),
    },
    events: {
      /** A single-use ticket for opening the event stream (EventSource cannot send headers). */
      ticket: () => client.post<EventTicket>('/api/events/ticket/', {}),
    },
  };
}

export type Endpoints = ReturnType<typeof endpoints>;
