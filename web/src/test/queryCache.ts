import { MutationObserver, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Paginated } from '../api/types';

/** One page of a list, as the API answers it. */
export const page = <T>(results: T[]): Paginated<T> => ({ count: results.length, results });

/**
 * A query cache holding an entry under each of `keys` (`data[name]`, or `{}`),
 * for tests of what a mutation changes. `stale()` names the entries it marked
 * stale, sorted.
 */
export function seededCache<K extends Record<string, QueryKey>>(keys: K, data: Partial<Record<keyof K, unknown>> = {}) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [name, key] of Object.entries(keys)) qc.setQueryData(key, data[name as keyof K] ?? {});
  const stale = () =>
    Object.entries(keys)
      .filter(([, key]) => qc.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { qc, keys, stale };
}

/** Runs one mutation built by a hook's options factory against `qc`. */
export function runMutation<TData, TVars>(qc: QueryClient, options: { mutationFn: (vars: TVars) => Promise<TData> }, vars: TVars) {
  return new MutationObserver(qc, options as never).mutate(vars as never);
}
