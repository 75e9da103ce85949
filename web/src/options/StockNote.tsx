import type { ServiceItem } from '../api/types';

/** At most this many left, the row says how many ("3 left"). */
export const FEW_LEFT = 5;

export function soldOut(item: Pick<ServiceItem, 'stock'>): boolean {
  return item.stock === 0;
}

/** "Sold out" or "3 left" on an item row, from its counted stock (nothing when not counted or plenty). */
export function StockNote({ item }: { item: Pick<ServiceItem, 'stock'> }) {
  if (item.stock === null || item.stock === undefined) return null;
  if (item.stock === 0) return <span className="stock-out">Sold out</span>;
  if (item.stock <= FEW_LEFT) return <span className="stock-left">{item.stock} left</span>;
  return null;
}
