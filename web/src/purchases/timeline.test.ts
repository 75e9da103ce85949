import { describe, expect, it } from 'vitest';
import { stepText } from './timeline';

const label = (s: string) => s.toUpperCase();

describe('stepText', () => {
  it('names both statuses of a change', () => {
    expect(stepText('pending', 'confirmed', label)).toBe('PENDING → CONFIRMED');
  });

  it('names only the first status of a creation', () => {
    expect(stepText('', 'pending', label)).toBe('PENDING');
  });

  it('calls a step to the same status an accepted online payment', () => {
    expect(stepText('confirmed', 'confirmed', label)).toBe('Paid online');
  });
});
