import { describe, expect, it } from 'vitest';
import { MAX_QUANTITY } from '../config';
import { addItem, itemCount, lineKey, quantityOf, setQuantity, type Cart } from './cartModel';

const cafe = { id: 1, name: 'Cafe' };
const tea = { id: 10, name: 'Tea', price: '2.50' };
const cake = { id: 11, name: 'Cake', price: '4.00' };

function cartWith(quantity: number): Cart {
  return { serviceId: 1, serviceName: 'Cafe', lines: [{ itemId: 10, name: 'Tea', price: '2.50', quantity }] };
}

describe('cart steppers and limits', () => {
  it('adds a line, then counts up on the same line', () => {
    let { cart } = addItem(null, cafe, tea);
    ({ cart } = addItem(cart, cafe, tea));
    ({ cart } = addItem(cart, cafe, cake));
    expect(cart?.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Tea', 2],
      ['Cake', 1],
    ]);
    expect(itemCount(cart)).toBe(3);
    expect(quantityOf(cart, 10)).toBe(2);
  });

  it('refuses an item from another service and leaves the cart alone', () => {
    const before = cartWith(2);
    const { cart, outcome } = addItem(before, { id: 2, name: 'Print shop' }, { id: 20, name: 'A4', price: '0.10' });
    expect(outcome).toBe('other-service');
    expect(cart).toBe(before);
  });

  it('says "at-limit" instead of adding past the maximum', () => {
    const { cart, outcome } = addItem(cartWith(MAX_QUANTITY), cafe, tea);
    expect(outcome).toBe('at-limit');
    expect(quantityOf(cart, 10)).toBe(MAX_QUANTITY);
  });

  it('+ and − move by one', () => {
    expect(quantityOf(setQuantity(cartWith(3), 10, 4).cart, 10)).toBe(4);
    expect(quantityOf(setQuantity(cartWith(3), 10, 2).cart, 10)).toBe(2);
  });

  it('− at one removes the line, and says so', () => {
    const { cart, outcome } = setQuantity(cartWith(1), 10, 0);
    expect(outcome).toBe('removed');
    expect(cart?.lines).toEqual([]);
  });

  it('holds a typed quantity over the maximum at the maximum and reports it (never silently)', () => {
    const { cart, outcome } = setQuantity(cartWith(3), 10, 150);
    expect(outcome).toBe('capped');
    expect(quantityOf(cart, 10)).toBe(MAX_QUANTITY);
    expect(setQuantity(cartWith(3), 10, MAX_QUANTITY).outcome).toBe('ok');
  });

  it('drops fractions and ignores unknown items', () => {
    expect(quantityOf(setQuantity(cartWith(3), 10, 5.7).cart, 10)).toBe(5);
    const before = cartWith(3);
    expect(setQuantity(before, 99, 5)).toEqual({ cart: before, outcome: 'ok' });
  });
});

describe('lines with options', () => {
  const svc = { id: 1, name: 'Cafe' };
  it('keeps one item with other options as another line, and merges the same options', () => {
    let cart = addItem(null, svc, { id: 7, name: 'Latte', price: '3.00', options: [11], optionNames: ['Size: Large'] }).cart;
    cart = addItem(cart, svc, { id: 7, name: 'Latte', price: '2.50', options: [10], optionNames: ['Size: Regular'] }).cart;
    cart = addItem(cart, svc, { id: 7, name: 'Latte', price: '3.00', options: [11], optionNames: ['Size: Large'] }).cart;
    expect(cart?.lines.map((l) => [l.options, l.quantity])).toEqual([
      [[11], 2],
      [[10], 1],
    ]);
    expect(quantityOf(cart, 7)).toBe(3);
    cart = setQuantity(cart, lineKey({ itemId: 7, options: [10] }), 0).cart;
    expect(cart?.lines).toHaveLength(1);
    expect(cart?.lines[0].optionNames).toEqual(['Size: Large']);
  });
});
