import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Order, OrderStatus } from '../../api/types';
import { StatusBadge } from '../../components/Badges';
import { OrderActions } from '../../components/OrderActions';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { dateTime, money, OPEN_STATUSES, STATUS_LABEL } from '../../format';
import { useOrderQueue } from '../../hooks/orders';

const TABS: { key: string; label: string; statuses: OrderStatus[] }[] = [
  { key: 'open', label: 'Needs action', statuses: OPEN_STATUSES },
  ...OPEN_STATUSES.map((s) => ({ key: s, label: STATUS_LABEL[s], statuses: [s] })),
  { key: 'completed', label: 'Completed', statuses: ['completed'] },
  { key: 'cancelled', label: 'Cancelled', statuses: ['cancelled'] },
];

function customerLabel(o: Order): string {
  return o.customer_name || o.customer_email || `Customer #${o.customer}`;
}

/**
 * The vendor's queue: one filtered request per status (the API filters one
 * status at a time), merged oldest first so the longest-waiting order is on top.
 */
export function VendorOrdersPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.key === params.get('tab')) ?? TABS[0];
  const results = useOrderQueue(tab.statuses);
  // On a phone the chosen tab may be off to the side: bring it into view.
  const tabsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    tabsRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab.key]);
  const pending = results.some((r) => r.isPending);
  const failed = results.find((r) => r.isError);
  // The per-status lists refresh independently, so an order that just moved can
  // briefly be in two of them: keep its newest copy, and only if it belongs here.
  const newest = new Map<number, Order>();
  for (const o of results.flatMap((r) => r.data?.results ?? [])) {
    const seen = newest.get(o.id);
    if (!seen || Date.parse(o.updated_at) > Date.parse(seen.updated_at)) newest.set(o.id, o);
  }
  const orders = [...newest.values()]
    .filter((o) => tab.statuses.includes(o.order_status))
    .sort((a, b) => (tab.key === 'completed' || tab.key === 'cancelled' ? b.created_at.localeCompare(a.created_at) : a.created_at.localeCompare(b.created_at)));
  const total = results.reduce((n, r) => n + (r.data?.count ?? 0), 0);

  return (
    <section className="page">
      <div className="page-head">
        <h1>Order queue</h1>
      </div>
      {/* Eight tabs do not fit a phone: they scroll sideways, and say so. */}
      <p className="tabs-hint" aria-hidden="true">
        {TABS.length} statuses: swipe the tabs sideways →
      </p>
      <nav aria-label="Order status" className="tabs tabs-scroll" ref={tabsRef}>
        <ul>
          {TABS.map((t) => (
            <li key={t.key}>
              <Link
                to={t.key === 'open' ? '/vendor/orders' : `/vendor/orders?tab=${t.key}`}
                aria-current={t.key === tab.key ? 'page' : undefined}
                className={t.key === tab.key ? 'active' : ''}
                onClick={(e) => {
                  e.preventDefault();
                  setParams(t.key === 'open' ? {} : { tab: t.key });
                }}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {pending ? (
        <Spinner label="Loading orders…" />
      ) : failed ? (
        <LoadError error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />
      ) : orders.length === 0 ? (
        <Empty title={tab.key === 'open' ? 'Nothing needs your attention' : `No ${tab.label.toLowerCase()} orders`}>
          <p>New orders appear here by themselves.</p>
        </Empty>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {total} order{total === 1 ? '' : 's'}
            {orders.length < total && ` (showing the first ${orders.length})`}
          </p>
          <ul className="queue">
            {orders.map((o) => (
              <li key={o.id} className="card order-card">
                <div className="order-card-head">
                  <h2 className="order-title">
                    <Link to={`/orders/${o.id}`}>
                      Order #{o.id} · {o.service_name}
                    </Link>
                  </h2>
                  <StatusBadge status={o.order_status} />
                </div>
                <p className="muted small">
                  {customerLabel(o)} · {dateTime(o.created_at)}
                </p>
                <ul className="queue-items">
                  {o.items?.map((it) => (
                    <li key={it.id}>
                      {it.quantity} × {it.service_item_name || `Item #${it.service_item}`}
                    </li>
                  ))}
                </ul>
                {o.delivery_address && <p className="small">Deliver to: {o.delivery_address}</p>}
                {o.special_instructions && <p className="small">Note: {o.special_instructions}</p>}
                <p>
                  <strong>{money(o.total_amount)}</strong>
                </p>
                <OrderActions order={o} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
