import { describe, expect, it } from 'vitest';
import { barScale, lastDays, niceCeiling, totalsOf } from './reports';

describe('report helpers', () => {
  it('gives the last N local dates, across a month end', () => {
    expect(lastDays(new Date(2026, 2, 3), 7)).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(lastDays(new Date(2026, 2, 3), 1)).toEqual({ from: '2026-03-03', to: '2026-03-03' });
  });

  it('sums the last days exactly (money as decimal strings)', () => {
    const day = (date: string, orders: number, completed: number, revenue: string, paid_online = '0.00', paid_at_pickup = '0.00', refunded = '0.00') => ({
      date,
      orders,
      completed,
      revenue,
      paid_online,
      paid_at_pickup,
      refunded,
    });
    const days = [
      day('2026-03-01', 3, 1, '0.10', '0.30', '0.10', '0.05'),
      day('2026-03-02', 1, 1, '0.20', '0.00', '0.20'),
      day('2026-03-03', 2, 0, '0.00', '12.35', '0.00', '1.10'),
    ];
    expect(totalsOf(days, 1)).toEqual({ orders: 2, completed: 0, revenue: '0.00', paidOnline: '12.35', paidAtPickup: '0.00', refunded: '1.10' });
    expect(totalsOf(days, 2)).toEqual({ orders: 3, completed: 1, revenue: '0.20', paidOnline: '12.35', paidAtPickup: '0.20', refunded: '1.10' });
    expect(totalsOf(days, 30)).toEqual({ orders: 6, completed: 2, revenue: '0.30', paidOnline: '12.65', paidAtPickup: '0.30', refunded: '1.15' });
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.4, 1, 3, 7, 10, 11, 26.5, 180, 1001].map(niceCeiling)).toEqual([1, 0.5, 1, 5, 10, 10, 20, 50, 200, 2000]);
  });

  it('scales bars to the axis, keeps small sales visible and zero days empty', () => {
    const { max, heights } = barScale([0, 40, 100, 0.5]);
    expect(max).toBe(100);
    expect(heights).toEqual([0, 40, 100, 2]);
    expect(barScale([0, 0]).heights).toEqual([0, 0]);
  });
});
