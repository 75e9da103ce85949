import type { Order } from '../api/types';
import { timeOrDateTime } from '../format';
import { orderProgress } from './progress';

/** "14:30", or "Tue 9 Dec, 14:30" when it is not today on the campus calendar. */
export function clockTime(iso: string, now = new Date()): string {
  return timeOrDateTime(iso, { now });
}

/** Why the order was cancelled, when whoever cancelled it said so. */
export function cancelReason(order: Order): string {
  const history = order.status_history ?? [];
  const last = [...history].reverse().find((h) => h.to_status === 'cancelled') as { reason?: string } | undefined;
  return last?.reason?.trim() ?? '';
}

/** Placed → confirmed → preparing → ready → collected, as an ordered list screen readers read in order. */
export function OrderProgress({ order }: { order: Order }) {
  const { steps, stopped } = orderProgress(order.order_status, order.status_history ?? []);
  return (
    <div className="order-progress">
      <ol className={`progress-steps${stopped ? ' progress-stopped' : ''}`} aria-label="Order progress">
        {steps.map((s) => (
          <li key={s.key} className={`step step-${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined}>
            <span className="step-dot" aria-hidden="true">
              {s.state === 'done' ? '✓' : ''}
            </span>
            <span className="step-label">
              {s.label}
              <span className="sr-only">{s.state === 'done' ? ' (done)' : s.state === 'current' ? ' (now)' : ''}</span>
            </span>
          </li>
        ))}
      </ol>
      {stopped === 'cancelled' && (
        <p className="progress-stop" role="note">
          <span aria-hidden="true">✕</span> Cancelled — this order will not be prepared.
          {cancelReason(order) && (
            <span className="block">
              Reason given: <q>{cancelReason(order)}</q>
            </span>
          )}
        </p>
      )}
    </div>
  );
}
