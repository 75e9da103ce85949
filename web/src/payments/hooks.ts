import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../api';
import { paymentEndpoints } from '../api/payments';
import { queryKeys } from '../api/queryKeys';

export const paymentsApi = paymentEndpoints(client);

/** The site's payment methods (they change only with a deployment). */
export function useSitePaymentMethods() {
  return useQuery({
    queryKey: ['config', 'site'],
    queryFn: () => paymentsApi.config(),
    staleTime: 10 * 60_000,
    select: (config) => config.payment_methods,
  });
}

/** Checks an online payment with the provider, then refreshes the order or booking that shows it. */
export function useVerifyPayment(target: { kind: 'order' | 'booking'; id: number }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reference: string) => paymentsApi.verify(reference),
    onSettled: () => {
      const key = target.kind === 'order' ? queryKeys.orders.detail(target.id) : queryKeys.bookings.detail(target.id);
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: target.kind === 'order' ? queryKeys.orders.lists() : queryKeys.bookings.lists() });
    },
  });
}
