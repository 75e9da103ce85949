import { describe, expect, it } from 'vitest';
import { variantSrcSet } from './ResponsiveImage';

describe('variantSrcSet', () => {
  it('lists the variants narrowest first with their widths', () => {
    expect(variantSrcSet({ '960': 'https://c.example/a.jpg.w960.webp', '320': 'https://c.example/a.jpg.w320.webp' })).toBe(
      'https://c.example/a.jpg.w320.webp 320w, https://c.example/a.jpg.w960.webp 960w',
    );
  });

  it('gives no srcset without variants, so the original is used', () => {
    expect(variantSrcSet({})).toBeUndefined();
    expect(variantSrcSet(undefined)).toBeUndefined();
    expect(variantSrcSet(null)).toBeUndefined();
  });
});
