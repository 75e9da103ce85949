/**
 * Deployment settings the web app reads at start, in one place.
 * The campus currency is the server's CURRENCY setting: Django writes it into
 * the page it serves as <meta name="campus-currency" content="GHS">, read here
 * synchronously so no price is ever shown in another currency first. Under
 * Vite's dev server (no such tag) it is the VITE_CURRENCY variable, defaulting
 * to Ghana cedis. API clients get the same value from GET /api/config/.
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

type MetaSource = Pick<Document, 'querySelector'>;

/** The content of the page's `<meta name="…">` tag, if the server wrote one. */
export function servedSetting(name: string, page: MetaSource | undefined): string | undefined {
  const content = page?.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  return content ? content : undefined;
}

export function campusCurrency(page: MetaSource | undefined, buildValue: string | undefined): string {
  return currencyFrom(servedSetting('campus-currency', page) ?? buildValue);
}

export const CURRENCY = campusCurrency(
  typeof document === 'undefined' ? undefined : document,
  import.meta.env.VITE_CURRENCY as string | undefined,
);

/** The most of one item a single order line may hold (the API's limit). */
export const MAX_QUANTITY = 100;
