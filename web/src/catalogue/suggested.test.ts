import { describe, expect, it } from 'vitest';
import { suggestedOrder } from './suggested';

const svc = (id: number, open_now: boolean) => ({ id, open_now });

describe('suggested catalogue order', () => {
  it('puts the places a student ordered from first, then what is open now, keeping the API order within each', () => {
    const page = [svc(1, false), svc(2, true), svc(3, false), svc(4, true), svc(5, true)];
    expect(suggestedOrder(page, new Set([3, 4])).map((s) => s.id)).toEqual([4, 3, 2, 5, 1]);
  });

  it('is open-now first for a visitor with no orders, and never drops or repeats a service', () => {
    const page = [svc(1, false), svc(2, true), svc(3, false)];
    expect(suggestedOrder(page, new Set()).map((s) => s.id)).toEqual([2, 1, 3]);
    expect(suggestedOrder([], new Set([1]))).toEqual([]);
  });
});
