import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api } from '../api';
import { queryKeys } from '../api/queryKeys';
import type { Order } from '../api/types';
import { money } from '../format';
import { pollUnlessLive, useIsLive } from '../live/LiveProvider';
import { titleWithCount } from '../live/events';
import { arrivals } from '../pages/vendor/queue/queueModel';
import { chime, soundWanted, unlockSound } from '../pages/vendor/queue/sound';

const PENDING = { order_status: 'pending', page_size: 100 } as const;
const POLL_MS = 10_000;
const COUNT_PREFIX = /^\(\d+\) /;

/**
 * New orders reach a vendor on every page, not only the queue: a banner that
 * opens the order, the waiting count in the tab's title, and the chime once
 * sound was turned on (on the queue; a tap anywhere re-arms it after a reload).
 * The queue page shows arrivals on its own cards, so there it stays quiet.
 */
export function VendorAlerts() {
  const live = useIsLive();
  const { pathname } = useLocation();
  const onQueue = pathname.startsWith('/vendor/orders');
  const pending = useQuery({
    queryKey: queryKeys.orders.list(PENDING),
    queryFn: () => api.orders.list(PENDING),
    refetchInterval: pollUnlessLive(live, POLL_MS),
  });
  const list = pending.data?.results;
  const count = pending.data?.count ?? 0;
  const seen = useRef<Set<number> | null>(null);
  // Orders placed after the page opened are news even when the first list
  // read already holds them (it may come after the order, on a slow phone).
  const openedAt = useRef(Date.now());
  const [latest, setLatest] = useState<Order | null>(null);
  useSoundRearm();

  useEffect(() => {
    if (!list) return;
    if (seen.current === null) {
      // What was waiting when the vendor arrived is not news (the count says it).
      seen.current = new Set(list.filter((o) => Date.parse(o.created_at) < openedAt.current).map((o) => o.id));
    }
    const added = arrivals(seen.current, list);
    if (added.length === 0) return;
    for (const id of added) seen.current.add(id);
    if (onQueue) return;
    const newest = list.filter((o) => added.includes(o.id)).sort((a, b) => b.id - a.id)[0];
    setLatest(newest);
    chime();
    // Arrivals only: moving between pages is not news.
  }, [list]);

  // The count before the page's own title, on every vendor page but the queue (it keeps its own).
  useEffect(() => {
    if (onQueue) return;
    const base = document.title.replace(COUNT_PREFIX, '');
    document.title = titleWithCount(count, base);
  }, [count, pathname, onQueue]);

  // An order already opened or handled needs no banner.
  const stillPending = latest && list?.some((o) => o.id === latest.id);
  const showing = !onQueue && !!latest && !!stillPending && pathname !== `/orders/${latest.id}`;
  // While the banner covers the bottom of the window, the page ends lower, so
  // its last controls can still be scrolled above the banner.
  useEffect(() => {
    if (!showing) return;
    document.body.classList.add('has-vendor-alert');
    return () => document.body.classList.remove('has-vendor-alert');
  }, [showing]);
  if (!showing || !latest) return null;
  const items = (latest.items ?? []).reduce((n, it) => n + it.quantity, 0);
  return (
    <div className="vendor-alert" role="status">
      <p>
        <strong>New order #{latest.id}</strong> · {latest.service_name} · {items} item{items === 1 ? '' : 's'} · {money(latest.total_amount)}
        {count > 1 && <span className="muted"> · {count} waiting</span>}
      </p>
      <div className="btn-row">
        <Link className="btn btn-small" to={`/orders/${latest.id}`}>
          Open order #{latest.id}
        </Link>
        <Link className="btn btn-small btn-secondary" to="/vendor/orders">
          Order queue
        </Link>
        <button type="button" className="btn btn-small btn-secondary" onClick={() => setLatest(null)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** Sound chosen before a reload: the first tap or key anywhere re-arms the chime. */
function useSoundRearm() {
  useEffect(() => {
    if (!soundWanted()) return;
    const arm = () => void unlockSound();
    document.addEventListener('pointerdown', arm, { once: true });
    document.addEventListener('keydown', arm, { once: true });
    return () => {
      document.removeEventListener('pointerdown', arm);
      document.removeEventListener('keydown', arm);
    };
  }, []);
}
