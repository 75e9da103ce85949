import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiError } from '../../api/errors';
import { parseId } from '../../api/queryKeys';
import type { ServiceItem } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { Notice } from '../../components/Notice';
import { Empty, LoadError, Missing, Spinner } from '../../components/QueryState';
import { useSaveStock, type StockChange } from '../../hooks/menu';
import { useService, useServiceItems } from '../../hooks/services';
import { MAX_STOCK, stockValue, type StockDraft } from '../../vendor/menu';

function draftOf(item: ServiceItem): StockDraft {
  return item.stock === null || item.stock === undefined ? { counted: false, count: '' } : { counted: true, count: String(item.stock) };
}

/** The vendor's stock screen: today's count of every item of one service, saved at once. */
export function VendorStockPage() {
  const id = parseId(useParams().id);
  const { user } = useAuth();
  const service = useService(id);
  const items = useServiceItems(id ?? 0);

  const notFound = (e: unknown) => isApiError(e) && e.kind === 'not_found';
  if (id === null || notFound(service.error) || (service.data && user && service.data.vendor !== user.id)) {
    return (
      <Missing title="Service not found" back={{ to: '/vendor/services', label: 'Back to my services' }}>
        There is no service of yours {id === null ? 'at this address' : `with number ${id}`}.
      </Missing>
    );
  }
  const failed = service.error ?? items.error;
  if (failed) {
    return (
      <section className="page narrow">
        <h1>Today’s stock</h1>
        <LoadError error={failed} onRetry={() => void Promise.all([service.refetch(), items.refetch()])} />
      </section>
    );
  }
  if (!service.data || !items.data) {
    return (
      <section className="page narrow">
        <Spinner label="Loading items…" />
      </section>
    );
  }
  const s = service.data;
  return (
    <section className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/vendor/services">My services</Link> <span aria-hidden="true">/</span> <Link to={`/vendor/services/${s.id}`}>{s.service_name}</Link>{' '}
        <span aria-hidden="true">/</span> <span>Today’s stock</span>
      </nav>
      <h1>Today’s stock</h1>
      <p className="muted">
        How many of each item you have left. Each order takes from the count and a cancelled one gives back; at 0 students see “Sold out”. Items you do not count
        never run out.
      </p>
      {items.data.results.length === 0 ? (
        <Empty title="No items yet">
          <p>
            <Link to={`/vendor/services/${s.id}#items-manager`}>Add items</Link> first, then count them here.
          </p>
        </Empty>
      ) : (
        <StockForm serviceId={s.id} items={items.data.results} />
      )}
    </section>
  );
}

function StockForm({ serviceId, items }: { serviceId: number; items: ServiceItem[] }) {
  const [drafts, setDrafts] = useState<Record<number, StockDraft>>(() => Object.fromEntries(items.map((i) => [i.id, draftOf(i)])));
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const save = useSaveStock(serviceId);
  const draft = (item: ServiceItem) => drafts[item.id] ?? draftOf(item);
  const set = (itemId: number, patch: Partial<StockDraft>) => {
    setSaved(null);
    setDrafts((d) => ({ ...d, [itemId]: { ...(d[itemId] ?? { counted: false, count: '' }), ...patch } }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const changes: StockChange[] = [];
    const found: Record<number, string> = {};
    for (const item of items) {
      const parsed = stockValue(draft(item));
      if ('problem' in parsed) found[item.id] = parsed.problem;
      else if (parsed.stock !== (item.stock ?? null)) changes.push({ itemId: item.id, stock: parsed.stock });
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (changes.length === 0) {
      setSaved(0);
      return;
    }
    save.mutate(changes, {
      onSuccess: (failures) => {
        setProblems(Object.fromEntries(failures.map((f) => [f.itemId, isApiError(f.error) ? (f.error.field('stock')[0] ?? describeError(f.error)) : describeError(f.error)])));
        setSaved(changes.length - failures.length);
      },
    });
  }

  const failedNames = items.filter((i) => problems[i.id]).map((i) => i.name);
  return (
    <form className="card form stock-form" onSubmit={onSubmit} noValidate aria-label="Stock counts">
      {failedNames.length > 0 && (
        <Notice tone="error" title={saved ? 'Some counts not saved' : 'Not saved'}>
          <p>Check {failedNames.join(', ')}: the message is beside each.</p>
        </Notice>
      )}
      <ul className="stock-list">
        {items.map((item) => {
          const d = draft(item);
          const inputId = `stock-${item.id}`;
          const problem = problems[item.id];
          const soldOut = d.counted && d.count.trim() !== '' && Number(d.count) === 0;
          return (
            <li key={item.id} className={`stock-row${problem ? ' field-invalid' : ''}`}>
              <div className="stock-name">
                <label htmlFor={inputId} className="item-name">
                  {item.name}
                </label>
                {soldOut && <span className="stock-out">Sold out</span>}
                {!item.is_available && <span className="muted small"> · switched off</span>}
              </div>
              <div className="stock-inputs">
                <input
                  id={inputId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_STOCK}
                  step={1}
                  className="stock-count"
                  placeholder={d.counted ? '' : 'Not counted'}
                  disabled={!d.counted}
                  value={d.count}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${inputId}-error` : undefined}
                  onChange={(e) => set(item.id, { count: e.target.value })}
                />
                <label className="stock-uncounted">
                  <input type="checkbox" checked={!d.counted} onChange={(e) => set(item.id, e.target.checked ? { counted: false, count: '' } : { counted: true, count: '' })} />
                  Not counted<span className="sr-only"> ({item.name})</span>
                </label>
              </div>
              {problem && (
                <p className="field-error" id={`${inputId}-error`}>
                  {problem}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="submit-row">
        <button type="submit" className="btn" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save all'}
        </button>
        {saved !== null && failedNames.length === 0 && <Notice tone="success">{saved === 0 ? 'Nothing changed.' : `Saved ${saved} count${saved === 1 ? '' : 's'}.`}</Notice>}
      </div>
    </form>
  );
}
