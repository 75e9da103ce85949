/**
 * The catalogue's default order for a student: the services they ordered from
 * before, then those open now, then the rest, each group in the API's order
 * (newest first). The API has no such `?ordering=`, so this reorders the page
 * it returned; an explicit sort or a search keeps the API's order.
 */
export function suggestedOrder<S extends { id: number; open_now?: boolean | null }>(services: readonly S[], orderedFrom: ReadonlySet<number>): S[] {
  const rank = (s: S) => (orderedFrom.has(s.id) ? 0 : 2) + (s.open_now ? 0 : 1);
  return services
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}
