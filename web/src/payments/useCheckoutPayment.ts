import { useState } from 'react';
import type { PaymentMethod } from '../api/payments';
import { useService } from '../hooks/services';
import { useSitePaymentMethods } from './hooks';
import { defaultMethod, methodsFor } from './model';

/** The checkout's payment choice: the service's methods the site accepts, pay at pickup by default. */
export function useCheckoutPayment(serviceId: number | null) {
  const service = useService(serviceId);
  const site = useSitePaymentMethods();
  const methods = service.data && site.data ? methodsFor(service.data.payment_methods, site.data) : [];
  const [chosen, setMethod] = useState<PaymentMethod | undefined>(undefined);
  const method = chosen && methods.includes(chosen) ? chosen : defaultMethod(methods);
  return { methods, method, setMethod };
}
