import { describe, expect, it } from 'vitest';
import { starFills } from './components/Badges';
import { currencyFrom, DEFAULT_CURRENCY } from './config';
import { money, sumMoney } from './format';

describe('currency formatting', () => {
  it('formats decimal strings in the given currency with the locale conventions', () => {
    expect(money('12.50', { currency: 'USD', locale: 'en-US' })).toBe('$12.50');
    expect(money('1234.5', { currency: 'GHS', locale: 'en-GH' })).toBe('GH₵1,234.50');
    expect(money('12.50', { currency: 'EUR', locale: 'de-DE' })).toBe('12,50\u00a0€');
  });

  it('keeps every digit of large amounts (no float rounding)', () => {
    expect(money('123456789012345.67', { currency: 'USD', locale: 'en-US' })).toBe('$123,456,789,012,345.67');
  });

  it('uses the configured campus currency by default, never a hard-coded $', () => {
    expect(DEFAULT_CURRENCY).toBe('GHS');
    expect(money('3.00', { locale: 'en-US' })).toBe(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'GHS' }).format(3));
  });

  it('shows a dash for no amount and passes through what is not a number', () => {
    expect(money(null)).toBe('—');
    expect(money('')).toBe('—');
    expect(money('n/a')).toBe('n/a');
  });

  it('reads VITE_CURRENCY case-insensitively and falls back on nonsense', () => {
    expect(currencyFrom('kes')).toBe('KES');
    expect(currencyFrom(' usd ')).toBe('USD');
    expect(currencyFrom(undefined)).toBe('GHS');
    expect(currencyFrom('dollars')).toBe('GHS');
    expect(currencyFrom('')).toBe('GHS');
  });

  it('sums cart lines exactly in cents', () => {
    expect(sumMoney([{ price: '0.10', quantity: 3 }, { price: '2.05', quantity: 1 }])).toBe('2.35');
  });
});

describe('rating stars', () => {
  it('shows halves: 4.5 is four full and a half, not five', () => {
    expect(starFills(4.5)).toEqual(['full', 'full', 'full', 'full', 'half']);
    expect(starFills(4.2)).toEqual(['full', 'full', 'full', 'full', 'empty']);
    expect(starFills(0.3)).toEqual(['half', 'empty', 'empty', 'empty', 'empty']);
    expect(starFills(5)).toEqual(['full', 'full', 'full', 'full', 'full']);
  });
});

describe('reviewer names in public', () => {
  it('shows the first name and the initial of the last', async () => {
    const { publicReviewer } = await import('./format');
    expect(publicReviewer('Sam Student')).toBe('Sam S.');
    expect(publicReviewer('  Ada  van der Berg ')).toBe('Ada B.');
    expect(publicReviewer('Cher')).toBe('Cher');
    expect(publicReviewer('')).toBe('A student');
    expect(publicReviewer(null)).toBe('A student');
  });
});
