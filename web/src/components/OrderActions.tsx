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

/**
 * Buttons for exactly the moves the server says this user may make now
 * (`allowed_transitions`): the state machine lives on the server only.
 */
export function OrderActions({ order, onChanged }: { order: Order; onChanged?: (o: Order) => void }) {
  const { user } = useAuth();
  const change = useChangeOrderStatus();
  const moves = order.allowed_transitions ?? [];
  if (moves.length === 0) return null;
  return (
    <div className="order-actions">
      <FormErrors error={change.error} />
      <div className="btn-row">
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            className={`btn ${to === 'cancelled' ? 'btn-danger' : ''}`}
            disabled={change.isPending}
            onClick={() => {
              if (to === 'cancelled' && !window.confirm(`Cancel order #${order.id}? This cannot be undone.`)) return;
              change.mutate({ id: order.id, to }, { onSuccess: onChanged });
            }}
          >
            {to === 'cancelled' && user?.user_type === 'vendor' && order.order_status === 'pending' ? 'Decline' : TRANSITION_LABEL[to]}
            <span className="sr-only"> order #{order.id}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
