import { describe, expect, it } from 'vitest';
import { orderProgress } from './progress';

const states = (p: ReturnType<typeof orderProgress>) => p.steps.map((s) => s.state);

describe('orderProgress', () => {
  it('marks the placed step current for a pending order', () => {
    expect(states(orderProgress('pending'))).toEqual(['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('marks earlier steps done and the status current', () => {
    expect(states(orderProgress('preparing'))).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming']);
    expect(states(orderProgress('ready'))).toEqual(['done', 'done', 'done', 'current', 'upcoming']);
  });

  it('counts out for delivery as past ready', () => {
    expect(states(orderProgress('delivering'))).toEqual(['done', 'done', 'done', 'current', 'upcoming']);
  });

  it('has every step done once collected', () => {
    const p = orderProgress('completed');
    expect(states(p)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(p.stopped).toBeNull();
  });

  it('stops a cancelled order at the last step its history reached', () => {
    const p = orderProgress('cancelled', [{ to_status: 'pending' }, { to_status: 'confirmed' }, { to_status: 'cancelled' }]);
    expect(p.stopped).toBe('cancelled');
    expect(states(p)).toEqual(['done', 'done', 'upcoming', 'upcoming', 'upcoming']);
  });

  it('shows a cancelled order without history as placed only', () => {
    expect(states(orderProgress('cancelled'))).toEqual(['done', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
  });
});
