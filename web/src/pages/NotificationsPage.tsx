import { useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../api/types';
import { FormErrors } from '../components/FormErrors';
import { LiveStatus } from '../components/LiveStatus';
import { Pagination } from '../components/Pagination';
import { Empty, LoadError, Spinner } from '../components/QueryState';
import { dateTime } from '../format';
import { useMarkRead, useNotifications, useUnreadCount } from '../hooks/notifications';

/** Where a notification leads: its order, its booking, or its service. */
function target(n: Notification): { to: string; label: string } | null {
  if (n.order !== null) return { to: `/orders/${n.order}`, label: `Open order #${n.order}` };
  if (n.booking !== null) return { to: `/bookings/${n.booking}`, label: `Open booking #${n.booking}` };
  if (n.service !== null) return { to: `/services/${n.service}`, label: 'Open the service' };
  return null;
}

/** The caller's notifications, newest first; opening or ticking one marks it read. */
export function NotificationsPage() {
  const [page, setPage] = useState(1);
  const list = useNotifications(page);
  const unread = useUnreadCount(true).data?.count ?? 0;
  const markRead = useMarkRead();

  return (
    <section className="page narrow">
      <div className="page-head">
        <h1>Notifications</h1>
        <LiveStatus />
      </div>
      <div className="notifications-bar">
        <p className="muted" aria-live="polite">
          {unread === 0 ? 'All read.' : `${unread} unread`}
        </p>
        {unread > 0 && (
          <button type="button" className="btn btn-secondary btn-small" disabled={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
            Mark all read
          </button>
        )}
      </div>
      <FormErrors error={markRead.error} />
      {list.isPending ? (
        <Spinner label="Loading notifications…" />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.results.length === 0 ? (
        <Empty title="No notifications yet">
          <p>News about your orders and bookings will appear here.</p>
        </Empty>
      ) : (
        <>
          <ul className="notification-list">
            {list.data.results.map((n) => {
              const link = target(n);
              const isUnread = n.read_at === null;
              return (
                <li key={n.id} className={`card notification${isUnread ? ' unread' : ''}`}>
                  <div className="notification-head">
                    <h2 className="notification-title">
                      {isUnread && <span className="sr-only">Unread: </span>}
                      {n.title}
                    </h2>
                    <time className="muted small" dateTime={n.created_at}>
                      {dateTime(n.created_at)}
                    </time>
                  </div>
                  {n.body && <p className="notification-body">{n.body}</p>}
                  <div className="btn-row">
                    {link && (
                      <Link to={link.to} className="btn btn-small" onClick={() => isUnread && markRead.mutate([n.id])}>
                        {link.label}
                      </Link>
                    )}
                    {isUnread && (
                      <button type="button" className="btn btn-secondary btn-small" disabled={markRead.isPending} onClick={() => markRead.mutate([n.id])}>
                        Mark read<span className="sr-only">: {n.title}</span>
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} count={list.data.count} pageSize={20} onPage={setPage} />
        </>
      )}
    </section>
  );
}
