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

/**
 * The campus time zone and locale: every date and time the app shows is the
 * campus's wall clock in the campus's conventions (src/format.ts), whatever
 * zone or language the browser is set to. Django writes the server's
 * TIME_ZONE and CAMPUS_LOCALE settings into the page as
 * <meta name="campus-time-zone"> and <meta name="campus-locale">; under Vite's
 * dev server VITE_TIME_ZONE and VITE_LOCALE stand in.
 */
export const DEFAULT_TIME_ZONE = 'Africa/Accra';
export const DEFAULT_LOCALE = 'en-GB';

export function timeZoneFrom(raw: string | undefined): string {
  const zone = (raw ?? '').trim();
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export function localeFrom(raw: string | undefined): string {
  const tag = (raw ?? '').trim();
  if (!tag) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const page = typeof document === 'undefined' ? undefined : document;

export const CAMPUS_TIME_ZONE = timeZoneFrom(servedSetting('campus-time-zone', page) ?? (import.meta.env.VITE_TIME_ZONE as string | undefined));
export const CAMPUS_LOCALE = localeFrom(servedSetting('campus-locale', page) ?? (import.meta.env.VITE_LOCALE as string | undefined));

/** The most of one item a single order line may hold (the API's limit). */
export const MAX_QUANTITY = 100;
