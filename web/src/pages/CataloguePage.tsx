import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CATEGORIES, SERVICE_TYPES } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { Pagination } from '../components/Pagination';
import { Empty, LoadError, Spinner } from '../components/QueryState';
import { ServiceCard } from '../components/ServiceCard';
import { SEARCH_MAX_LENGTH, TYPING_PAUSE_MS, clampSearch, followUrl, normalizeText, withFilters } from '../catalogueUrl';
import { label } from '../format';
import { useServices } from '../hooks/services';
import { useOrders } from '../hooks/orders';
import { useAuth } from '../auth/AuthContext';
import { suggestedOrder } from '../catalogue/suggested';

const PAGE_SIZE = 12;

const ORDERINGS = [
  // The API's newest first, with a student's usual places and what is open now moved up (src/catalogue/suggested.ts).
  { value: '', label: 'Suggested' },
  { value: '-created_at', label: 'Newest first' },
  { value: 'base_price', label: 'Price: low to high' },
  { value: '-base_price', label: 'Price: high to low' },
  { value: '-rating', label: 'Best rated' },
  { value: 'created_at', label: 'Oldest first' },
];

const TEXT_FILTERS = ['search', 'min_price', 'max_price'] as const;

/** The public catalogue. Filters live in the URL, so results can be shared and Back works. */
export function CataloguePage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = {
    search: clampSearch(params.get('search') ?? ''),
    category: params.get('category') ?? '',
    service_type: params.get('service_type') ?? '',
    min_price: params.get('min_price') ?? '',
    max_price: params.get('max_price') ?? '',
    ordering: params.get('ordering') ?? '',
  };

  // The boxes hold what is being typed; the URL holds what is searched. The URL
  // changes the boxes only when something else changed it (see followUrl).
  const [draft, setDraft] = useState({ search: filters.search, min_price: filters.min_price, max_price: filters.max_price });
  const written = useRef<Partial<typeof draft>>({});
  useEffect(() => {
    setDraft((typed) => followUrl(typed, { search: filters.search, min_price: filters.min_price, max_price: filters.max_price }, written.current));
  }, [filters.search, filters.min_price, filters.max_price]);

  function update(changes: Partial<Record<keyof typeof filters | 'page', string>>) {
    // Typing and filters replace the history entry; only a new page is a step Back returns from.
    setParams((prev) => withFilters(prev, changes), { replace: !('page' in changes) });
  }

  // The timer below must compare with the URL as it is when it fires, not when it was set.
  const latest = useRef({ filters, update, draft });
  latest.current = { filters, update, draft };

  /** Applies the typed text that differs from the URL, if any. */
  function applyDraft() {
    const { filters: current, update: apply, draft: typed } = latest.current;
    const changed = TEXT_FILTERS.filter((k) => normalizeText(typed[k]) !== current[k]);
    if (changed.length === 0) return;
    const values = Object.fromEntries(changed.map((k) => [k, normalizeText(typed[k])]));
    written.current = { ...written.current, ...values };
    apply(values);
  }
  useEffect(() => {
    const t = setTimeout(applyDraft, TYPING_PAUSE_MS);
    return () => clearTimeout(t);
  }, [draft]);

  const query = useServices({ ...filters, page, page_size: PAGE_SIZE });
  // The places this student ordered from (their latest 100 orders), to show those first.
  const { user } = useAuth();
  const pastOrders = useOrders({ page_size: 100 }, { enabled: user?.user_type === 'student' });
  const orderedFrom = useMemo(() => new Set((pastOrders.data?.results ?? []).map((o) => o.service)), [pastOrders.data]);
  const suggested = !filters.ordering && !filters.search;
  const services = query.data ? (suggested ? suggestedOrder(query.data.results, orderedFrom) : query.data.results) : [];

  const activeFilters = Object.values(filters).some(Boolean);
  const moreActive = (['category', 'service_type', 'min_price', 'max_price', 'ordering'] as const).filter((k) => filters[k]).length;
  // On phones the filters beyond search fold away; desktop CSS always shows them.
  const [showFilters, setShowFilters] = useState(false);

  return (
    <section className="page">
      <div className="page-head catalogue-head">
        <h1>Services on campus</h1>
        <p className="lede">Food, printing, laundry and more, from vendors near you.</p>
      </div>
      <CategoryChips value={filters.category} onChange={(category) => update({ category })} />
      <div className="catalogue">
        <form className="filters card" role="search" aria-label="Filter services" onSubmit={(e) => e.preventDefault()}>
          <TextField
            label="Search"
            name="search"
            type="search"
            placeholder="Service, item, vendor or place"
            maxLength={SEARCH_MAX_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
            value={draft.search}
            onChange={(e) => setDraft((d) => ({ ...d, search: e.target.value }))}
            onKeyDown={(e) => {
              // Enter searches at once instead of after the pause.
              if (e.key === 'Enter') applyDraft();
            }}
          />
          <button
            type="button"
            className="btn btn-secondary btn-block filters-toggle"
            aria-expanded={showFilters}
            aria-controls="more-filters"
            onClick={() => setShowFilters((v) => !v)}
          >
            {showFilters ? 'Hide filters' : `Filters and sorting${moreActive ? ` (${moreActive} on)` : ''}`}
          </button>
          <div id="more-filters" className={`filters-more${showFilters ? ' open' : ''}`}>
            <SelectField
              label="Category"
              name="category"
              value={filters.category}
              onChange={(e) => update({ category: e.target.value })}
              options={[{ value: '', label: 'All categories' }, ...CATEGORIES.map((c) => ({ value: c, label: label(c) }))]}
            />
            <SelectField
              label="Type"
              name="service_type"
              value={filters.service_type}
              onChange={(e) => update({ service_type: e.target.value })}
              options={[{ value: '', label: 'All types' }, ...SERVICE_TYPES.map((c) => ({ value: c, label: label(c) }))]}
            />
            <div className="grid-2">
              <TextField
                label="Min price"
                name="min_price"
                type="number"
                inputMode="decimal"
                min={0}
                step="0.01"
                value={draft.min_price}
                onChange={(e) => setDraft((d) => ({ ...d, min_price: e.target.value }))}
              />
              <TextField
                label="Max price"
                name="max_price"
                type="number"
                inputMode="decimal"
                min={0}
                step="0.01"
                value={draft.max_price}
                onChange={(e) => setDraft((d) => ({ ...d, max_price: e.target.value }))}
              />
          </div>
          <SelectField label="Sort by" name="ordering" value={filters.ordering} onChange={(e) => update({ ordering: e.target.value })} options={ORDERINGS} />
          </div>
          {activeFilters && (
            <button type="button" className="btn btn-secondary btn-block" onClick={() => setParams({}, { replace: true })}>
              Clear filters
            </button>
          )}
        </form>

        <div className="results" aria-busy={query.isFetching}>
          {query.isPending ? (
            <Spinner label="Loading services…" />
          ) : query.isError ? (
            <LoadError error={query.error} onRetry={() => void query.refetch()} />
          ) : query.data.results.length === 0 ? (
            <Empty title={activeFilters ? 'No services match these filters' : 'No services yet'}>
              {activeFilters ? <p>Try a broader search or clear the filters.</p> : <p>Vendors have not listed anything yet. Check back soon.</p>}
            </Empty>
          ) : (
            <>
              <p className="result-count" aria-live="polite">
                {query.data.count} service{query.data.count === 1 ? '' : 's'}
              </p>
              <ul className="service-grid">
                {services.map((s) => (
                  <li key={s.id}>
                    <ServiceCard service={s} orderedBefore={orderedFrom.has(s.id)} />
                  </li>
                ))}
              </ul>
              <Pagination page={page} pageSize={PAGE_SIZE} count={query.data.count} onPage={(p) => update({ page: String(p) })} />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/** One tap per category (a scrollable row on phones); the pressed chip is the filter in the URL. */
function CategoryChips({ value, onChange }: { value: string; onChange: (category: string) => void }) {
  return (
    <div className="category-chips" role="group" aria-label="Categories">
      {['', ...CATEGORIES].map((c) => (
        <button key={c || 'all'} type="button" className="category-chip" aria-pressed={value === c} onClick={() => onChange(c)}>
          {c ? label(c) : 'All'}
        </button>
      ))}
    </div>
  );
}
