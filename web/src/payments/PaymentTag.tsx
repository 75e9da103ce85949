import type { Payment } from '../api/payments';
import { vendorPaymentLabel } from './model';

/** A vendor card's money line: "Paid online" or "Pay at pickup". */
export function PaymentTag({ payment }: { payment: Pick<Payment, 'method' | 'status'> | undefined }) {
  const online = payment?.method === 'online';
  return <span className={`badge payment-tag ${online ? 'payment-tag-online' : 'payment-tag-pickup'}`}>{vendorPaymentLabel(payment)}</span>;
}
