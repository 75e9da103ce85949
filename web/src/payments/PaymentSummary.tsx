import { useEffect, useRef } from 'react';
import type { Payment } from '../api/payments';
import { Notice } from '../components/Notice';
import { dateTime, money } from '../format';
import { useNow } from '../hooks/useNow';
import { useVerifyPayment } from './hooks';
import { countdown, holdEndsAt, STATUS_LABEL } from './model';

interface Props {
  payment: Payment | undefined;
  target: { kind: 'order' | 'booking'; id: number };
  /** The customer: only they pay, verify and see the checkout link. */
  isPayer: boolean;
}

/** The payment of an order or booking: how, its state, and for an unpaid online one the way to pay. */
export function PaymentSummary({ payment, target, isPayer }: Props) {
  const verify = useVerifyPayment(target);
  const awaiting = payment?.status === 'awaiting_payment' && isPayer && !!payment.reference;
  const reference = payment?.reference ?? '';
  const verifyRef = useRef(verify.mutate);
  verifyRef.current = verify.mutate;

  // Back from the provider's checkout (this page loads again, or the tab regains focus): ask whether it went through.
  useEffect(() => {
    if (!awaiting) return;
    verifyRef.current(reference);
    const onFocus = () => {
      if (document.visibilityState === 'visible') verifyRef.current(reference);
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [awaiting, reference]);

  if (!payment) return null;
  const online = payment.method === 'online';
  return (
    <div className="payment-summary">
      <dl className="facts">
        <dt>Payment</dt>
        <dd>
          <span className={`payment-state payment-${payment.status}`}>{STATUS_LABEL[payment.status]}</span>
          {payment.amount && payment.status !== 'not_required' && <> · {money(payment.amount)}</>}
          {online && payment.paid_at && <span className="muted small block">Paid online {dateTime(payment.paid_at)}</span>}
        </dd>
      </dl>
      {awaiting && <AwaitingPayment payment={payment} checking={verify.isPending} onCheck={() => verify.mutate(reference)} kind={target.kind} />}
      {payment.status === 'awaiting_payment' && !isPayer && <p className="muted small">Waiting for the customer to pay online.</p>}
      {payment.status === 'expired' && (
        <Notice tone="warning" title="Payment not completed">
          <p>The {target.kind} was not paid in time, so it was cancelled and its place released. Nothing was charged. You can order again.</p>
        </Notice>
      )}
      {payment.status === 'refund_pending' && (
        <Notice tone="info" title="Refund pending">
          <p>Your online payment of {money(payment.amount ?? '0')} is being refunded. This can take a few days to reach you.</p>
        </Notice>
      )}
      {payment.status === 'refunded' && (
        <Notice tone="success" title="Refunded">
          <p>{money(payment.refunded_amount ?? payment.amount ?? '0')} was refunded to you.</p>
        </Notice>
      )}
      {payment.status === 'needs_review' && (
        <Notice tone="warning" title="Payment under review">
          <p>The provider reported a different amount than expected. The campus team will check it and contact you.</p>
        </Notice>
      )}
    </div>
  );
}

function AwaitingPayment({
  payment,
  checking,
  onCheck,
  kind,
}: {
  payment: Payment;
  checking: boolean;
  onCheck: () => void;
  kind: 'order' | 'booking';
}) {
  const now = useNow(1000);
  const end = holdEndsAt(payment);
  const lapsed = end !== null && now >= end;
  return (
    <Notice tone="warning" title={lapsed ? 'Payment time is up' : 'Waiting for your payment'}>
      {lapsed ? (
        <p>The time to pay has run out; the {kind} will be cancelled in a moment and nothing is charged.</p>
      ) : end ? (
        <p>
          The vendor sees your {kind} once it is paid. It is held for you for{' '}
          <strong className="hold-countdown" aria-live="off">
            {countdown(end, now)}
          </strong>
          . If your payment failed, you can try again.
        </p>
      ) : (
        <p>The vendor sees your {kind} once it is paid. If your payment failed, you can try again.</p>
      )}
      <div className="actions">
        {payment.checkout_url && !lapsed && (
          <a className="btn" href={payment.checkout_url}>
            Pay {payment.amount ? money(payment.amount) : ''} now
          </a>
        )}
        <button type="button" className="btn btn-secondary" onClick={onCheck} disabled={checking}>
          {checking ? 'Checking…' : 'I have paid: check again'}
        </button>
      </div>
    </Notice>
  );
}
