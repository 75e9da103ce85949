import type { OrderStatus } from '../api/types';
import { STATUS_LABEL } from '../format';

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span className={`badge status-${status}`}>{STATUS_LABEL[status] ?? status}</span>;
}

export function Rating({ value, count }: { value: string | number | null; count?: number }) {
  if (value === null || value === undefined || value === '') {
    return <span className="rating rating-none">No ratings yet</span>;
  }
  const n = Number(value);
  const full = Math.round(n);
  return (
    <span className="rating" role="img" aria-label={`Rated ${n.toFixed(1)} out of 5${count !== undefined ? ` from ${count} review${count === 1 ? '' : 's'}` : ''}`}>
      <span aria-hidden="true" className="stars">
        {'★'.repeat(full)}
        <span className="stars-empty">{'★'.repeat(5 - full)}</span>
      </span>{' '}
      <span aria-hidden="true">
        {n.toFixed(1)}
        {count !== undefined && ` (${count})`}
      </span>
    </span>
  );
}
