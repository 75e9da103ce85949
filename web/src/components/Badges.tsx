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
  return (
    <span className="rating" role="img" aria-label={`Rated ${n.toFixed(1)} out of 5${count !== undefined ? ` from ${count} review${count === 1 ? '' : 's'}` : ''}`}>
      <span aria-hidden="true" className="stars">
        {starFills(n).map((fill, i) => (
          <span key={i} className={`rating-star rating-star-${fill}`}>
            ★
          </span>
        ))}
      </span>{' '}
      <span aria-hidden="true" className="rating-number">
        {n.toFixed(1)}
        {count !== undefined && ` (${count})`}
      </span>
    </span>
  );
}

/** Five stars to the nearest half: 4.5 shows four full and a half, 4.2 four full. */
export function starFills(value: number): ('full' | 'half' | 'empty')[] {
  const halves = Math.round(Math.min(5, Math.max(0, value)) * 2);
  return Array.from({ length: 5 }, (_, i) => (halves >= 2 * (i + 1) ? 'full' : halves === 2 * i + 1 ? 'half' : 'empty'));
}
