import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from './api/types';
import { allowedTransitions } from './orderRules';
import { sumMoney } from './format';

describe('allowedTransitions', () => {
  it('offers vendors exactly the contract’s moves', () => {
    expect(Object.fromEntries(ORDER_STATUSES.map((s) => [s, allowedTransitions('vendor', s)]))).toEqual({
      pending: ['confirmed', 'cancelled'],
      confirmed: ['preparing', 'cancelled'],
      preparing: ['ready'],
      ready: ['delivering', 'completed'],
      delivering: ['completed'],
      completed: [],
      cancelled: [],
    });
  });

  it('lets a student only cancel a pending order', () => {
    expect(allowedTransitions('student', 'pending')).toEqual(['cancelled']);
    for (const s of ORDER_STATUSES.filter((x) => x !== 'pending')) expect(allowedTransitions('student', s)).toEqual([]);
  });

  it('offers nothing to admins or anonymous users in the UI', () => {
    expect(allowedTransitions('admin', 'pending')).toEqual([]);
    expect(allowedTransitions(undefined, 'pending')).toEqual([]);
  });
});

describe('sumMoney', () => {
  it('adds decimal strings exactly', () => {
    expect(sumMoney([{ price: '0.10', quantity: 3 }, { price: '0.20', quantity: 1 }])).toBe('0.50');
    expect(sumMoney([{ price: '6.50', quantity: 1 }, { price: '2.75', quantity: 2 }])).toBe('12.00');
    expect(sumMoney([{ price: '3', quantity: 2 }])).toBe('6.00');
  });
});
