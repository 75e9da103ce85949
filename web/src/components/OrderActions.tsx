import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Order, OrderStatus, Paginated } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { allowedTransitions, TRANSITION_LABEL } from '../orderRules';
import { FormErrors } from './FormErrors';

/** Buttons for exactly the moves the contract allows this user from the order's status. */
export function OrderActions({ order, onChanged }: { order: Order; onChanged?: (o: Order) => void }) {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const moves = allowedTransitions(user?.user_type, order.order_status);
  const change = useMutation({
    mutationFn: (to: OrderStatus) => api.orders.updateStatus(order.id, to),
    onSuccess: (updated) => {
      queryClient.setQueryData(['order', String(order.id)], updated);
      // Show the new status in every cached list at once, before the refetches land.
      queryClient.setQueriesData<Paginated<Order>>({ queryKey: ['orders'] }, (old) =>
        old && Array.isArray(old.results) ? { ...old, results: old.results.map((o) => (o.id === updated.id ? updated : o)) } : old,
      );
      onChanged?.(updated);
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
      void queryClient.invalidateQueries({ queryKey: ['order', String(order.id)] });
      void queryClient.invalidateQueries({ queryKey: ['order-summary'] });
    },
  });
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
              change.mutate(to);
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
