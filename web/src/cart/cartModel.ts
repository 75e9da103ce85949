import { MAX_QUANTITY } from '../config';

export interface CartLine {
  itemId: number;
  name: string;
  /** The unit price: the item's, plus the chosen options' deltas. */
  price: string;
  quantity: number;
  /** The chosen options' ids, ascending (absent or empty: none). */
  options?: number[];
  /** How the chosen options read ("Size: Large"), in the vendor's order. */
  optionNames?: string[];
}

/** What is added: an item, with the options chosen for it. */
export interface CartItem {
  id: number;
  name: string;
  price: string;
  options?: number[];
  optionNames?: string[];
}

/** A line is one item with one set of options: the same item with other options is another line. */
export function lineKey(line: { itemId: number; options?: readonly number[] }): string {
  return `${line.itemId}|${[...(line.options ?? [])].sort((a, b) => a - b).join(',')}`;
}

/** A line's key from a key or, for an item without options, its id. */
function keyOf(ref: number | string): string {
  return typeof ref === 'number' ? `${ref}|` : ref;
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
  item: CartItem,
): { cart: Cart | null; outcome: AddOutcome } {
  if (cart && cart.lines.length && cart.serviceId !== service.id) return { cart, outcome: 'other-service' };
  const base: Cart = cart && cart.serviceId === service.id ? cart : { serviceId: service.id, serviceName: service.name, lines: [] };
  const options = [...(item.options ?? [])].sort((a, b) => a - b);
  const key = lineKey({ itemId: item.id, options });
  const existing = base.lines.find((l) => lineKey(l) === key);
  if (existing && existing.quantity >= MAX_QUANTITY) return { cart: base, outcome: 'at-limit' };
  const fresh: CartLine = { itemId: item.id, name: item.name, price: item.price, quantity: 1 };
  if (options.length) {
    fresh.options = options;
    fresh.optionNames = item.optionNames ?? [];
  }
  const lines = existing ? base.lines.map((l) => (lineKey(l) === key ? { ...l, quantity: l.quantity + 1 } : l)) : [...base.lines, fresh];
  return { cart: { ...base, lines }, outcome: 'added' };
}

/**
 * Sets a line's quantity (`line`: its lineKey, or the id of an item without
 * options); 0 or less removes the line, more than the maximum is held at it.
 */
export function setQuantity(cart: Cart | null, line: number | string, quantity: number): { cart: Cart | null; outcome: QuantityOutcome } {
  const key = keyOf(line);
  if (!cart || !cart.lines.some((l) => lineKey(l) === key)) return { cart, outcome: 'ok' };
  if (!Number.isFinite(quantity) || quantity < 1) {
    return { cart: { ...cart, lines: cart.lines.filter((l) => lineKey(l) !== key) }, outcome: 'removed' };
  }
  const whole = Math.floor(quantity);
  const capped = whole > MAX_QUANTITY;
  const next = capped ? MAX_QUANTITY : whole;
  return {
    cart: { ...cart, lines: cart.lines.map((l) => (lineKey(l) === key ? { ...l, quantity: next } : l)) },
    outcome: capped ? 'capped' : 'ok',
  };
}

export function itemCount(cart: Cart | null): number {
  return cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
}

/** How many of an item the cart holds, over all its lines (whatever their options). */
export function quantityOf(cart: Cart | null, itemId: number): number {
  return cart?.lines.filter((l) => l.itemId === itemId).reduce((n, l) => n + l.quantity, 0) ?? 0;
}
