import { describe, expect, it } from 'vitest';
import { campusCurrency, servedSetting } from './config';

/** A page as Django serves it: only the tags the app reads matter here. */
function page(metas: Record<string, string>): Pick<Document, 'querySelector'> {
  return {
    querySelector: ((selector: string) => {
      const name = /^meta\[name="([^"]+)"\]$/.exec(selector)?.[1];
      return name !== undefined && name in metas ? ({ content: metas[name] } as HTMLMetaElement) : null;
    }) as Document['querySelector'],
  };
}

describe('campus currency from the served page', () => {
  it('uses the currency the server wrote into the page, over the build variable', () => {
    expect(campusCurrency(page({ 'campus-currency': 'KES' }), 'USD')).toBe('KES');
  });

  it('falls back to VITE_CURRENCY under the dev server, then to cedis', () => {
    expect(campusCurrency(page({}), 'usd')).toBe('USD');
    expect(campusCurrency(undefined, 'EUR')).toBe('EUR');
    expect(campusCurrency(page({}), undefined)).toBe('GHS');
  });

  it('ignores an empty or unusable tag', () => {
    expect(servedSetting('campus-currency', page({ 'campus-currency': '' }))).toBeUndefined();
    expect(campusCurrency(page({ 'campus-currency': '' }), 'NGN')).toBe('NGN');
    expect(campusCurrency(page({ 'campus-currency': 'money' }), 'NGN')).toBe('GHS');
  });
});
