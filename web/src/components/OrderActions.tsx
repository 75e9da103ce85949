import type { Order } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useChangeOrderStatus } from '../hooks/orders';
import { allowedTransitions, TRANSITION_LABEL } from '../orderRules';
import { FormErrors } from './FormErrors';

/** Buttons for exactly the moves the contract allows this user from the order's status. */
export function OrderActions({ order, onChanged }: { order: Order; onChanged?: (o: Order) => void }) {
  const { user } = useAuth();
  const moves = allowedTransitions(user?.user_type, order.order_status);
  const change = useChangeOrderStatus();
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
