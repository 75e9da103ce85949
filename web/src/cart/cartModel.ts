import { MAX_QUANTITY } from '../config';

export interface CartLine {
  itemId: number;
  name: string;
  price: string;
  quantity: number;
}

export interface Cart {
  serviceId: number;
  serviceName: string;
  lines: CartLine[];
}

export type AddOutcome = 'added' | 'at-limit' | 'other-service';
/** What happened to a requested quantity: kept, or held at a bound the user is told about. */
export type QuantityOutcome = 'ok' | 'capped' | 'removed';

/**
 * The cart's rules as pure functions (the context only stores the result), so
 * the limits are unit-tested: one service per cart, 1 to MAX_QUANTITY of each item.
 */
export function addItem(
  cart: Cart | null,
  service: { id: number; name: string },
  item: { id: number; name: string; price: string },
): { cart: Cart | null; outcome: AddOutcome } {
  if (cart && cart.lines.length && cart.serviceId !== service.id) return { cart, outcome: 'other-service' };
  const base: Cart = cart && cart.serviceId === service.id ? cart : { serviceId: service.id, serviceName: service.name, lines: [] };
  const existing = base.lines.find((l) => l.itemId === item.id);
  if (existing && existing.quantity >= MAX_QUANTITY) return { cart: base, outcome: 'at-limit' };
  const lines = existing
    ? base.lines.map((l) => (l.itemId === item.id ? { ...l, quantity: l.quantity + 1 } : l))
    : [...base.lines, { itemId: item.id, name: item.name, price: item.price, quantity: 1 }];
  return { cart: { ...base, lines }, outcome: 'added' };
}

/** Sets a line's quantity; 0 or less removes the line, more than the maximum is held at it. */
export function setQuantity(cart: Cart | null, itemId: number, quantity: number): { cart: Cart | null; outcome: QuantityOutcome } {
  if (!cart || !cart.lines.some((l) => l.itemId === itemId)) return { cart, outcome: 'ok' };
  if (!Number.isFinite(quantity) || quantity < 1) {
    return { cart: { ...cart, lines: cart.lines.filter((l) => l.itemId !== itemId) }, outcome: 'removed' };
  }
  const whole = Math.floor(quantity);
  const capped = whole > MAX_QUANTITY;
  const next = capped ? MAX_QUANTITY : whole;
  return {
    cart: { ...cart, lines: cart.lines.map((l) => (l.itemId === itemId ? { ...l, quantity: next } : l)) },
    outcome: capped ? 'capped' : 'ok',
  };
}

export function itemCount(cart: Cart | null): number {
  return cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
}

export function quantityOf(cart: Cart | null, itemId: number): number {
  return cart?.lines.find((l) => l.itemId === itemId)?.quantity ?? 0;
}
