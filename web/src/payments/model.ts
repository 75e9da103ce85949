import type { Payment, PaymentMethod, PaymentStatus } from '../api/payments';

export const METHOD_LABEL: Record<PaymentMethod, string> = {
  pay_at_pickup: 'Pay at pickup',
  online: 'Pay online now',
};

export const STATUS_LABEL: Record<PaymentStatus, string> = {
  not_required: 'Nothing to pay',
  due_at_pickup: 'Pay at pickup',
  collected: 'Paid at pickup',
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  expired: 'Payment not completed',
  refund_pending: 'Refund pending',
  refunded: 'Refunded',
  needs_review: 'Payment under review',
};

/** The methods a student may choose: the service's, among the site's, in the site's order. */
export function methodsFor(service: readonly PaymentMethod[] | undefined, site: readonly PaymentMethod[] | undefined): PaymentMethod[] {
  const accepted = service && service.length ? service : (['pay_at_pickup'] as PaymentMethod[]);
  const offered = site && site.length ? site : (['pay_at_pickup'] as PaymentMethod[]);
  return offered.filter((m) => accepted.includes(m));
}

/** Pay at pickup when accepted (the server's default), else the first method left. */
export function defaultMethod(methods: readonly PaymentMethod[]): PaymentMethod | undefined {
  return methods.includes('pay_at_pickup') ? 'pay_at_pickup' : methods[0];
}

/** When an unpaid online payment lapses, as the server says (null: nothing is held). */
export function holdEndsAt(payment: Pick<Payment, 'hold_expires_at'>): Date | null {
  return payment.hold_expires_at ? new Date(payment.hold_expires_at) : null;
}

/** `m:ss` left until `end` (0:00 once past). */
export function countdown(end: Date, now: Date): string {
  const left = Math.max(0, Math.ceil((end.getTime() - now.getTime()) / 1000));
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** What a vendor's card says about the money: it was paid online, or is to collect at pickup. */
export function vendorPaymentLabel(payment: Pick<Payment, 'method' | 'status'> | undefined): string {
  if (!payment || payment.status === 'not_required') return 'Nothing to pay';
  if (payment.method === 'online') {
    if (payment.status === 'refund_pending' || payment.status === 'refunded') return `Paid online · ${STATUS_LABEL[payment.status].toLowerCase()}`;
    if (payment.status === 'needs_review') return 'Paid online · under review';
    return 'Paid online';
  }
  return payment.status === 'collected' ? 'Paid at pickup' : 'Pay at pickup';
}
