/**
 * The catalogue's filters live in the URL (`?search=`, `?category=`, …): the
 * page reads what to show from it, so Back, Forward, a reload or a shared link
 * show the same results, and TanStack Query keyed by those values never lets a
 * late answer to an older search replace a newer one.
 */

/** The API refuses a longer `?search=` (400), so the box stops there. */
export const SEARCH_MAX_LENGTH = 100;

/** How long typing must pause before the URL (and so the results) follows the box. */
export const TYPING_PAUSE_MS = 300;

/**
 * A `?search=` as the page asks for it: a longer one (a hand-edited or
 * truncated link) is cut at the limit, counted in characters as the API
 * counts them, so the page shows results instead of an error.
 */
export function clampSearch(text: string): string {
  const chars = Array.from(text);
  return chars.length > SEARCH_MAX_LENGTH ? chars.slice(0, SEARCH_MAX_LENGTH).join('') : text;
}

/** What typed text means as a filter: no outer spaces, inner runs of spaces as one. */
export function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/**
 * The boxes' text once the URL has changed. The URL wins only where it says
 * something the page did not write itself: Back, Forward, a link, "Clear".
 * An echo of the page's own write (`written`) never replaces what was typed
 * since (the student kept typing while the URL caught up), and a box that
 * already says what the URL says keeps its text ("coffee " with the space
 * typed before the next word). Returns `typed` itself when nothing changes.
 */
export function followUrl<K extends string>(
  typed: Record<K, string>,
  applied: Record<K, string>,
  written: Partial<Record<K, string>>,
): Record<K, string> {
  const keys = Object.keys(typed) as K[];
  const replaced = keys.filter((k) => applied[k] !== written[k] && normalizeText(typed[k]) !== applied[k]);
  if (replaced.length === 0) return typed;
  return { ...typed, ...Object.fromEntries(replaced.map((k) => [k, applied[k]])) };
}

/**
 * `prev` with `changes` applied: an empty value removes its key, and any
 * change other than the page's goes back to the first page.
 */
export function withFilters(prev: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
