import { describe, expect, it } from 'vitest';
import { CheckoutAttempt } from './idempotency';

describe('CheckoutAttempt', () => {
  const body = { service: 1, items: [{ service_item: 2, quantity: 1 }] };
  let n = 0;
  const gen = () => `key-${++n}`;

  it('reuses one key for the same cart (retry, double click)', () => {
    const attempt = new CheckoutAttempt(gen);
    const k1 = attempt.keyFor(body);
    const k2 = attempt.keyFor({ items: [{ quantity: 1, service_item: 2 }], service: 1 });
    expect(k2).toBe(k1);
  });

  it('starts a new attempt when the cart changes or the order was placed', () => {
    const attempt = new CheckoutAttempt(gen);
    const k1 = attempt.keyFor(body);
    const k2 = attempt.keyFor({ ...body, items: [{ service_item: 2, quantity: 2 }] });
    expect(k2).not.toBe(k1);
    attempt.complete();
    expect(attempt.keyFor({ ...body, items: [{ service_item: 2, quantity: 2 }] })).not.toBe(k2);
  });

  it('survives a reload through its snapshot', () => {
    const first = new CheckoutAttempt(gen);
    const k = first.keyFor(body);
    const restored = new CheckoutAttempt(gen, first.snapshot());
    expect(restored.keyFor(body)).toBe(k);
  });
});
