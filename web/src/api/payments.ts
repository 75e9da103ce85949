import type { ApiClient } from './client';
import type { components } from './schema';

export type Payment = components['schemas']['Payment'];
export type PaymentMethod = components['schemas']['PaymentMethodEnum'];
export type PaymentStatus = components['schemas']['PaymentStatusEnum'];
export type SiteConfigWithPayments = components['schemas']['SiteConfig'];

/** The site's accepted payment methods and the payer's check of an online payment. */
export function paymentEndpoints(client: ApiClient) {
  return {
    config: () => client.get<SiteConfigWithPayments>('/api/config/', undefined, { auth: false }),
    /** Asks the provider about the payment now (the payer only); answers the payment. */
    /** The owner's accepted methods for a service (JSON, so the list arrives as a list). */
    setServiceMethods: (serviceId: number, methods: PaymentMethod[]) =>
      client.patch<components['schemas']['Service']>(`/api/services/${serviceId}/`, { payment_methods: methods }),
    verify: (reference: string) => client.post<Payment>(`/api/payments/${encodeURIComponent(reference)}/verify/`, {}),
  };
}
