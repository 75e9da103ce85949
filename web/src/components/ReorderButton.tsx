import { Link, useNavigate } from 'react-router';
import type { Order } from '../api/types';
import { useReorder } from '../hooks/reorder';
import { FormErrors } from './FormErrors';
import { Notice } from './Notice';
import { DelistedNotice } from './DelistedNotice';

/** Puts a past order's items back into the cart; goes to the cart, or first says what was left out. */
export function ReorderButton({ order, className = 'btn btn-secondary' }: { order: Order; className?: string }) {
  const reorder = useReorder();
  const navigate = useNavigate();
  const result = reorder.data;
  if (result?.status === 'gone') return <DelistedNotice />;
  return (
    <div className="reorder">
      <button
        type="button"
        className={className}
        disabled={reorder.isPending}
        onClick={() =>
          reorder.mutate(order, {
            onSuccess: (r) => {
              if (r.status === 'added' && r.dropped.length === 0) void navigate('/cart');
            },
          })
        }
      >
        {reorder.isPending ? 'Adding…' : 'Reorder'}
        <span className="sr-only"> order #{order.id}</span>
      </button>
      <FormErrors error={reorder.error} />
      {result?.status === 'closed' && <Notice tone="warning">{order.service_name} is not taking orders right now, so nothing was added to your cart.</Notice>}
      {result && result.status !== 'closed' && result.dropped.length > 0 && (
        <Notice tone={result.status === 'added' ? 'info' : 'warning'} title={result.status === 'added' ? 'Some items were left out' : 'Nothing could be added'}>
          <ul>
            {result.dropped.map((d) => (
              <li key={d.name}>
                {d.name}: {d.reason}
              </li>
            ))}
          </ul>
          {result.status === 'added' && (
            <p>
              <Link to="/cart">View cart</Link> with the other items.
            </p>
          )}
        </Notice>
      )}
    </div>
  );
}
