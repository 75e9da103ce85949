import type { Cart, CartLine } from '../cart/cartModel';
import { MAX_QUANTITY } from '../config';

export interface ReorderSource {
  service: number;
  service_name: string;
  items: readonly { service_item: number; service_item_name?: string | null; quantity: number }[];
}

export interface MenuItem {
  id: number;
  name: string;
  price: string;
  is_available: boolean;
}

export interface Reorder {
  cart: Cart;
  /** Lines of the old order that could not be put back, with the reason shown to the student. */
  dropped: { name: string; reason: string }[];
  /** Whether a cart for another service was replaced. */
  replacedOther: boolean;
}

/**
 * The cart a "Reorder" makes: the old order's lines that are still on the
 * menu and available, at today's prices, added to what the cart already holds
 * for that service (a cart for another service is replaced, as the cart holds
 * one service). Quantities stay within 1..MAX_QUANTITY.
 */
export function reorderCart(current: Cart | null, order: ReorderSource, menu: readonly MenuItem[]): Reorder {
  const replacedOther = !!current && current.lines.length > 0 && current.serviceId !== order.service;
  const lines: CartLine[] = current && current.serviceId === order.service ? current.lines.map((l) => ({ ...l })) : [];
  const dropped: Reorder['dropped'] = [];
  for (const line of order.items) {
    const item = menu.find((m) => m.id === line.service_item);
    const name = item?.name ?? line.service_item_name ?? `Item #${line.service_item}`;
    if (!item) {
      dropped.push({ name, reason: 'no longer on the menu' });
      continue;
    }
    if (!item.is_available) {
      dropped.push({ name, reason: 'not available right now' });
      continue;
    }
    const existing = lines.find((l) => l.itemId === item.id);
    if (existing) {
      existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + line.quantity);
      existing.price = item.price;
      existing.name = item.name;
    } else {
      lines.push({ itemId: item.id, name: item.name, price: item.price, quantity: Math.min(MAX_QUANTITY, line.quantity) });
    }
  }
  return { cart: { serviceId: order.service, serviceName: order.service_name, lines }, dropped, replacedOther };
}
