import { describe, expect, it } from 'vitest';
import { countdown, defaultMethod, holdEndsAt, methodsFor, vendorPaymentLabel } from './model';

describe('payment choice', () => {
  it('offers the service methods the site accepts, pay at pickup first by default', () => {
    expect(methodsFor(['online', 'pay_at_pickup'], ['pay_at_pickup', 'online'])).toEqual(['pay_at_pickup', 'online']);
    expect(methodsFor(['online', 'pay_at_pickup'], ['pay_at_pickup'])).toEqual(['pay_at_pickup']);
    expect(defaultMethod(['pay_at_pickup', 'online'])).toBe('pay_at_pickup');
    expect(defaultMethod(['online'])).toBe('online');
  });

  it('falls back to pay at pickup when a service or the site says nothing', () => {
    expect(methodsFor(undefined, undefined)).toEqual(['pay_at_pickup']);
  });
});

describe('payment hold', () => {
  it('counts down from creation and stops at zero', () => {
    const end = holdEndsAt('2026-01-01T10:00:00Z', 15);
    expect(countdown(end, new Date('2026-01-01T10:01:30Z'))).toBe('13:30');
    expect(countdown(end, new Date('2026-01-01T11:00:00Z'))).toBe('0:00');
  });
});

describe('vendor payment label', () => {
  it('says paid online or pay at pickup', () => {
    expect(vendorPaymentLabel({ method: 'online', status: 'paid' })).toBe('Paid online');
    expect(vendorPaymentLabel({ method: 'pay_at_pickup', status: 'due_at_pickup' })).toBe('Pay at pickup');
    expect(vendorPaymentLabel({ method: 'pay_at_pickup', status: 'collected' })).toBe('Paid at pickup');
  });
});
