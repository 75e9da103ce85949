import { useEffect, useRef, useState } from 'react';
import type { Order, OrderStatus } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useChangeOrderStatus } from '../hooks/orders';
import { FormErrors } from './FormErrors';

/** What the button for a move to each status says. */
const TRANSITION_LABEL: Record<OrderStatus, string> = {
  pending: 'Reopen',
  confirmed: 'Confirm',
  preparing: 'Start preparing',
  ready: 'Mark ready',
  delivering: 'Send out for delivery',
  completed: 'Mark completed',
  cancelled: 'Cancel order',
};

/** One tap for the usual reasons; the vendor may still write their own. */
const QUICK_REASONS = ['Sold out of an item', 'Closing early', 'Too busy right now'];

/**
 * Buttons for exactly the moves the server says this user may make now
 * (`allowed_transitions`): the state machine lives on the server only.
 * A vendor who declines or cancels is asked why; the customer reads it.
 */
export function OrderActions({ order, onChanged }: { order: Order; onChanged?: (o: Order) => void }) {
  const { user } = useAuth();
  const change = useChangeOrderStatus();
  const [asking, setAsking] = useState(false);
  const moves = order.allowed_transitions ?? [];
  if (moves.length === 0) return null;
  const isVendor = user?.user_type === 'vendor';
  const cancelLabel = isVendor && order.order_status === 'pending' ? 'Decline' : TRANSITION_LABEL.cancelled;
  return (
    <div className="order-actions">
      <FormErrors error={change.error} />
      {asking ? (
        <ReasonForm
          order={order}
          verb={cancelLabel}
          busy={change.isPending}
          onCancel={() => setAsking(false)}
          onSubmit={(reason) =>
            change.mutate(
              { id: order.id, to: 'cancelled', reason },
              {
                onSuccess: (o) => {
                  setAsking(false);
                  onChanged?.(o);
                },
              },
            )
          }
        />
      ) : (
        <div className="btn-row">
          {moves.map((to) => (
            <button
              key={to}
              type="button"
              className={`btn ${to === 'cancelled' ? 'btn-danger' : ''}`}
              disabled={change.isPending}
              onClick={() => {
                if (to === 'cancelled' && isVendor) {
                  setAsking(true);
                  return;
                }
                if (to === 'cancelled' && !window.confirm(`Cancel order #${order.id}? This cannot be undone.`)) return;
                change.mutate({ id: order.id, to }, { onSuccess: onChanged });
              }}
            >
              {to === 'cancelled' ? cancelLabel : TRANSITION_LABEL[to]}
              <span className="sr-only"> order #{order.id}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function ReasonForm({
  order,
  verb,
  busy,
  onCancel,
  onSubmit,
}: {
  order: Order;
  verb: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const id = `decline-reason-${order.id}`;
  return (
    <form
      className="reason-form"
      noValidate
      aria-label={`${verb} order #${order.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          field.current?.focus();
          return;
        }
        onSubmit(reason.trim());
      }}
    >
      <div className={`field${missing ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>Why? The customer sees this.</label>
        <div className="reason-chips">
          {QUICK_REASONS.map((r) => (
            <button
              key={r}
              type="button"
              className="btn btn-secondary btn-small"
              aria-pressed={reason === r}
              onClick={() => {
                setReason(r);
                setMissing(false);
              }}
            >
              {r}
            </button>
          ))}
        </div>
        <textarea
          id={id}
          ref={field}
          rows={2}
          maxLength={500}
          required
          value={reason}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        {missing && (
          <p className="field-error" id={`${id}-error`}>
            Give the customer a reason.
          </p>
        )}
      </div>
      <div className="btn-row">
        <button type="submit" className="btn btn-danger" disabled={busy}>
          {verb} order #{order.id}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Keep order
        </button>
      </div>
    </form>
  );
}
