import { describe, expect, it } from 'vitest';
import { MAX_QUANTITY } from '../config';
import { reorderCart } from './reorder';

const order = {
  service: 7,
  service_name: 'Grill',
  items: [
    { service_item: 1, service_item_name: 'Burger', quantity: 2 },
    { service_item: 2, service_item_name: 'Fries', quantity: 1 },
    { service_item: 3, service_item_name: 'Shake', quantity: 1 },
  ],
};
const menu = [
  { id: 1, name: 'Burger', price: '7.00', is_available: true },
  { id: 2, name: 'Fries', price: '2.75', is_available: false },
];

describe('reorderCart', () => {
  it('puts back available items at today’s prices and explains the rest', () => {
    const r = reorderCart(null, order, menu);
    expect(r.cart).toEqual({ serviceId: 7, serviceName: 'Grill', lines: [{ itemId: 1, name: 'Burger', price: '7.00', quantity: 2 }] });
    expect(r.dropped).toEqual([
      { name: 'Fries', reason: 'not available right now' },
      { name: 'Shake', reason: 'no longer on the menu' },
    ]);
    expect(r.replacedOther).toBe(false);
  });

  it('adds to a cart of the same service, within the quantity limit', () => {
    const cart = { serviceId: 7, serviceName: 'Grill', lines: [{ itemId: 1, name: 'Burger', price: '6.50', quantity: MAX_QUANTITY - 1 }, { itemId: 9, name: 'Tea', price: '1.00', quantity: 1 }] };
    const r = reorderCart(cart, order, menu);
    expect(r.cart.lines).toEqual([
      { itemId: 1, name: 'Burger', price: '7.00', quantity: MAX_QUANTITY },
      { itemId: 9, name: 'Tea', price: '1.00', quantity: 1 },
    ]);
    expect(cart.lines[0].quantity, 'the old cart is not mutated').toBe(MAX_QUANTITY - 1);
  });

  it('replaces a cart of another service and says so', () => {
    const cart = { serviceId: 3, serviceName: 'Print shop', lines: [{ itemId: 40, name: 'A4 copy', price: '0.10', quantity: 5 }] };
    const r = reorderCart(cart, order, menu);
    expect(r.replacedOther).toBe(true);
    expect(r.cart.lines.map((l) => l.itemId)).toEqual([1]);
  });
});
