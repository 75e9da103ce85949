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
  it('counts down to the end the server gives and stops at zero', () => {
    const end = holdEndsAt({ hold_expires_at: '2026-01-01T10:05:00+02:00' })!;
    expect(countdown(end, new Date('2026-01-01T08:01:30Z'))).toBe('3:30');
    expect(countdown(end, new Date('2026-01-01T09:00:00Z'))).toBe('0:00');
  });

  it('has no end when nothing is held', () => {
    expect(holdEndsAt({ hold_expires_at: null })).toBeNull();
  });
});

describe('vendor payment label', () => {
  it('says paid online or pay at pickup', () => {
    expect(vendorPaymentLabel({ method: 'online', status: 'paid' })).toBe('Paid online');
    expect(vendorPaymentLabel({ method: 'pay_at_pickup', status: 'due_at_pickup' })).toBe('Pay at pickup');
    expect(vendorPaymentLabel({ method: 'pay_at_pickup', status: 'collected' })).toBe('Paid at pickup');
  });
});
