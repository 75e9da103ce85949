import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api/errors';
import { LoadError, Missing, Spinner } from '../components/QueryState';
import { dateTime } from '../format';
import type { TimelineEntry } from './timeline';

/**
 * The parts an order's page and a booking's page share, as the server shares
 * one purchase core for both: the states of loading one purchase, the way
 * back to its list, the card's head and the history timeline.
 */
export type PurchaseKind = 'order' | 'booking';

const NOUN: Record<PurchaseKind, { title: string; a: string }> = {
  order: { title: 'Order', a: 'an order' },
  booking: { title: 'Booking', a: 'a booking' },
};

/** The reader's list of these purchases: its address, its name in the breadcrumb, the link back to it. */
export interface PurchaseHome {
  to: string;
  crumb: string;
  back: string;
}

/** "Order #12", "Booking #3": the purchase's name everywhere on its page. */
export function purchaseTitle(kind: PurchaseKind, id: number): string {
  return `${NOUN[kind].title} #${id}`;
}

/**
 * One purchase's query: a bad address or a 404 is "not found" with the way back
 * (someone else's purchase answers 404 too), then loading, then a failed load
 * with a retry; the page itself is drawn only once the purchase is there.
 */
export function PurchaseQuery<T>({
  kind,
  id,
  query,
  home,
  children,
}: {
  kind: PurchaseKind;
  id: number | null;
  query: UseQueryResult<T>;
  home: PurchaseHome;
  children: (data: T) => ReactNode;
}) {
  const noun = NOUN[kind];
  if (id === null || (query.isError && isApiError(query.error) && query.error.kind === 'not_found')) {
    return (
      <Missing title={`${noun.title} not found`} back={{ to: home.to, label: home.back }}>
        We could not find {noun.a} {id === null ? 'at this address' : `#${id}`} among yours. It may belong to another account, or the link may be mistyped.
      </Missing>
    );
  }
  if (query.isPending) {
    return (
      <section className="page narrow">
        <Spinner label={`Loading ${kind}…`} />
      </section>
    );
  }
  if (query.isError) {
    return (
      <section className="page narrow">
        <h1>{purchaseTitle(kind, id)}</h1>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </section>
    );
  }
  return children(query.data);
}

export function PurchaseBreadcrumb({ kind, id, home }: { kind: PurchaseKind; id: number; home: PurchaseHome }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={home.to}>{home.crumb}</Link> <span aria-hidden="true">/</span> <span>{purchaseTitle(kind, id)}</span>
    </nav>
  );
}

/** The card's heading, followed by what the page puts beside it (the status badge). */
export function PurchaseCardHead({ kind, id, children }: { kind: PurchaseKind; id: number; children: ReactNode }) {
  return (
    <div className="order-card-head">
      <h1 className="h-reset">{purchaseTitle(kind, id)}</h1>
      {children}
    </div>
  );
}

/** Every step of the purchase, oldest first: what happened, when, by whom, and why when a reason was given. */
export function PurchaseTimeline({ heading, entries }: { heading: string; entries: TimelineEntry[] }) {
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{heading}</h2>
      {entries.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <ol className="timeline">
          {entries.map((e, i) => (
            <li key={`${e.created_at}-${i}`}>
              <span className="timeline-status">{e.status}</span>
              <span className="muted small">
                {dateTime(e.created_at)} · by {e.by}
              </span>
              {e.reason && <span className="timeline-reason small">Reason: {e.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
