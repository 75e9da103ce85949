import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Order, OrderStatus } from '../../api/types';
import { LiveStatus } from '../../components/LiveStatus';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { OPEN_STATUSES, STATUS_LABEL } from '../../format';
import { useOrderQueue, useOrderSummary } from '../../hooks/orders';
import { titleWithCount } from '../../live/events';
import { QueueCard } from './queue/QueueCard';
import { arrivals, BOARD_COLUMNS, byDue, newFirst } from './queue/queueModel';
import { chime, rememberSound, soundWanted, unlockSound } from './queue/sound';
import { useMediaQuery, useNow } from './queue/useBrowser';

const TABS: { key: string; label: string; statuses: OrderStatus[] }[] = [
  { key: 'open', label: 'Needs action', statuses: OPEN_STATUSES },
  ...OPEN_STATUSES.map((s) => ({ key: s, label: STATUS_LABEL[s], statuses: [s] })),
  { key: 'completed', label: 'Completed', statuses: ['completed'] },
  { key: 'cancelled', label: 'Cancelled', statuses: ['cancelled'] },
];

const QUEUE_TITLE = 'Order queue · Campus Services';

/** "Turn on sound": audio may only start from a click, so the chime needs one first. */
function useQueueSound() {
  const [on, setOn] = useState(false);
  // Chosen before a reload: the first tap or key anywhere re-arms it.
  useEffect(() => {
    if (on || !soundWanted()) return;
    const arm = () => void unlockSound().then(setOn);
    document.addEventListener('pointerdown', arm, { once: true });
    document.addEventListener('keydown', arm, { once: true });
    return () => {
      document.removeEventListener('pointerdown', arm);
      document.removeEventListener('keydown', arm);
    };
  }, [on]);
  const toggle = async () => {
    if (on) {
      rememberSound(false);
      setOn(false);
      return;
    }
    const ok = await unlockSound();
    rememberSound(ok);
    setOn(ok);
    if (ok) chime();
  };
  return { on, toggle };
}

/** The ids of pending orders that arrived while the page was open (chimed once each). */
function useArrivals(pending: Order[] | undefined, soundOn: boolean): ReadonlySet<number> {
  const seen = useRef<Set<number> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    if (!pending) return;
    if (seen.current === null) {
      // What was already waiting when the page opened is not news.
      seen.current = new Set(pending.map((o) => o.id));
      return;
    }
    const added = arrivals(seen.current, pending);
    if (added.length === 0) return;
    for (const id of added) seen.current.add(id);
    setFresh((prev) => new Set([...prev, ...added]));
    if (soundOn) chime();
    // Only the arrivals matter to this effect, not a change of the sound setting.
  }, [pending]);
  return fresh;
}

/**
 * The vendor's queue: one request per status (the API filters one status at a
 * time), always including the open ones (for the counts, the chime and the
 * board). Open orders are sorted by when they are due: the pickup time, else
 * the ready estimate, else when they were placed. At laptop width the open
 * orders are a board, one column per step.
 */
export function VendorOrdersPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t.key === params.get('tab')) ?? TABS[0];
  const statuses = [...new Set<OrderStatus>([...OPEN_STATUSES, ...tab.statuses])];
  const results = useOrderQueue(statuses);
  const summary = useOrderSummary();
  const now = useNow(15_000);
  const wide = useMediaQuery('(min-width: 1024px)');
  const sound = useQueueSound();

  // On a phone the chosen tab may be off to the side: bring it into view.
  const tabsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    tabsRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [tab.key]);

  const byStatus = new Map(statuses.map((s, i) => [s, results[i]] as const));
  const countOf = (s: OrderStatus): number | undefined => byStatus.get(s)?.data?.count ?? summary.data?.counts[s];
  const tabCount = (t: (typeof TABS)[number]): number | undefined =>
    t.statuses.reduce<number | undefined>((n, s) => (n === undefined || countOf(s) === undefined ? undefined : n + countOf(s)!), 0);

  const pendingList = byStatus.get('pending')?.data?.results;
  const fresh = useArrivals(pendingList, sound.on);
  const pendingCount = countOf('pending') ?? 0;
  useEffect(() => {
    document.title = titleWithCount(pendingCount, QUEUE_TITLE);
  }, [pendingCount]);

  const tabResults = tab.statuses.map((s) => byStatus.get(s)!);
  const pending = tabResults.some((r) => r.isPending);
  const failed = tabResults.find((r) => r.isError);
  // The per-status lists refresh independently, so an order that just moved can
  // briefly be in two of them: keep its newest copy, and only if it belongs here.
  const newest = new Map<number, Order>();
  for (const o of results.flatMap((r) => r.data?.results ?? [])) {
    const seen = newest.get(o.id);
    if (!seen || Date.parse(o.updated_at) > Date.parse(seen.updated_at)) newest.set(o.id, o);
  }
  const board = wide && tab.key === 'open';
  const closedTab = tab.key === 'completed' || tab.key === 'cancelled';
  const inTab = [...newest.values()].filter((o) => tab.statuses.includes(o.order_status));
  const orders = closedTab ? inTab.sort((a, b) => b.created_at.localeCompare(a.created_at)) : board ? byDue(inTab) : newFirst(inTab, fresh);
  const total = tabResults.reduce((n, r) => n + (r.data?.count ?? 0), 0);

  return (
    <section className="page">
      <div className="page-head queue-head">
        <h1>Order queue</h1>
        <div className="queue-tools">
          <LiveStatus />
          <button type="button" className={`btn btn-small ${sound.on ? 'btn-secondary' : ''}`} onClick={() => void sound.toggle()}>
            {sound.on ? 'Turn off sound' : 'Turn on sound'}
          </button>
        </div>
      </div>
      {/* Eight tabs do not fit a phone: they scroll sideways, and say so. */}
      <p className="tabs-hint" aria-hidden="true">
        {TABS.length} statuses: swipe the tabs sideways →
      </p>
      <nav aria-label="Order status" className="tabs tabs-scroll queue-tabs" ref={tabsRef}>
        <ul>
          {TABS.map((t) => {
            const n = tabCount(t);
            return (
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
                  {n !== undefined && (
                    <span className="tab-count">
                      <span className="sr-only">, </span>
                      {n}
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {pending ? (
        <Spinner label="Loading orders…" />
      ) : failed ? (
        <LoadError error={failed.error} onRetry={() => results.forEach((r) => void r.refetch())} />
      ) : board ? (
        <div className="queue-board">
          {BOARD_COLUMNS.map((col) => {
            const listed = orders.filter((o) => col.statuses.includes(o.order_status));
            const inCol = col.key === 'pending' ? newFirst(listed, fresh) : listed;
            return (
              <section key={col.key} className={`board-col board-${col.key}`} aria-labelledby={`col-${col.key}`}>
                <h2 id={`col-${col.key}`} className="board-col-title">
                  {col.title} <span className="tab-count">{inCol.length}</span>
                </h2>
                {inCol.length === 0 ? (
                  <p className="muted small board-empty">None</p>
                ) : (
                  <ul className="queue">
                    {inCol.map((o) => (
                      <QueueCard key={o.id} order={o} now={now} headingLevel={3} fresh={fresh.has(o.id) && o.order_status === 'pending'} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
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
              <QueueCard key={o.id} order={o} now={now} headingLevel={2} fresh={fresh.has(o.id) && o.order_status === 'pending'} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
