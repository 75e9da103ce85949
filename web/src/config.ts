/**
 * Deployment settings the web app reads at build time, in one place.
 * The backend will expose the campus currency later; until then it is the
 * VITE_CURRENCY build variable (an ISO 4217 code), defaulting to Ghana cedis.
 */
export const DEFAULT_CURRENCY = 'GHS';

export function currencyFrom(raw: string | undefined): string {
  const code = (raw ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return DEFAULT_CURRENCY;
  try {
    new Intl.NumberFormat(undefined, { style: 'currency', currency: code });
    return code;
  } catch {
    return DEFAULT_CURRENCY;
  }
}

export const CURRENCY = currencyFrom(import.meta.env.VITE_CURRENCY as string | undefined);

/** The most of one item a single order line may hold (the API's limit). */
export const MAX_QUANTITY = 100;
