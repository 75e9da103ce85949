import { describe, expect, it } from 'vitest';
import { arrivals, byDue, dueAt, waitedLabel } from './queueModel';

const order = (id: number, created_at: string, pickup_at: string | null = null, estimated_ready_at: string | null = null) => ({
  id,
  created_at,
  pickup_at,
  estimated_ready_at,
});

describe('queue order', () => {
  it('puts a pickup time or ready estimate before the placing time', () => {
    expect(dueAt(order(1, '2026-11-29T10:00:00Z', '2026-11-29T12:00:00Z', '2026-11-29T10:20:00Z'))).toBe(Date.parse('2026-11-29T12:00:00Z'));
    expect(dueAt(order(1, '2026-11-29T10:00:00Z', null, '2026-11-29T10:20:00Z'))).toBe(Date.parse('2026-11-29T10:20:00Z'));
    expect(dueAt(order(1, '2026-11-29T10:00:00Z'))).toBe(Date.parse('2026-11-29T10:00:00Z'));
  });

  it('sorts the order due first to the top, an ASAP order by when it was placed', () => {
    const later = order(1, '2026-11-29T09:00:00Z', '2026-11-29T13:00:00Z');
    const asap = order(2, '2026-11-29T10:05:00Z');
    const soon = order(3, '2026-11-29T10:10:00Z', null, '2026-11-29T10:15:00Z');
    expect(byDue([later, soon, asap]).map((o) => o.id)).toEqual([2, 3, 1]);
  });

  it('breaks ties by who waited longest', () => {
    const a = order(5, '2026-11-29T10:01:00Z', '2026-11-29T12:00:00Z');
    const b = order(4, '2026-11-29T10:00:00Z', '2026-11-29T12:00:00Z');
    expect(byDue([a, b]).map((o) => o.id)).toEqual([4, 5]);
  });
});

describe('waited time', () => {
  const placed = '2026-11-29T10:00:00Z';
  const at = (minutes: number, seconds = 0) => Date.parse(placed) + minutes * 60_000 + seconds * 1000;

  it('counts whole minutes', () => {
    expect(waitedLabel(placed, at(0, 30))).toBe('waiting under a minute');
    expect(waitedLabel(placed, at(7, 59))).toBe('waiting 7 min');
    expect(waitedLabel(placed, at(65))).toBe('waiting 1 h 05 min');
  });

  it('does not show a negative wait when the clocks disagree', () => {
    expect(waitedLabel(placed, at(-3))).toBe('waiting under a minute');
  });
});

describe('arrivals', () => {
  it('names only the orders not seen before', () => {
    expect(arrivals(new Set([1, 2]), [{ id: 2 }, { id: 3 }, { id: 1 }, { id: 4 }])).toEqual([3, 4]);
    expect(arrivals(new Set([1]), [])).toEqual([]);
  });
});

describe('the New column', () => {
  it('puts what arrived while the page was open on top, newest first, then the rest by due time', async () => {
    const { newFirst } = await import('./queueModel');
    const o = (id: number, created: string) => ({ id, created_at: created, pickup_at: null, estimated_ready_at: null });
    const orders = [o(1, '2026-12-07T10:00:00Z'), o(2, '2026-12-07T10:05:00Z'), o(3, '2026-12-07T10:10:00Z'), o(4, '2026-12-07T10:11:00Z')];
    expect(newFirst(orders, new Set([3, 4])).map((x) => x.id)).toEqual([4, 3, 1, 2]);
    expect(newFirst(orders, new Set()).map((x) => x.id)).toEqual([1, 2, 3, 4]);
  });
});
