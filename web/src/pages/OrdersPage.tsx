import { useState } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../components/Badges';
import { DelistedNotice } from '../components/DelistedNotice';
import { ReorderButton } from '../components/ReorderButton';
import { Pagination } from '../components/Pagination';
import { Empty, LoadError, Spinner } from '../components/QueryState';
import { dateTime, isOpen, money } from '../format';
import { useOrders } from '../hooks/orders';

const PAGE_SIZE = 20;

export function OrdersPage() {
  const [page, setPage] = useState(1);
  // Polls while an order is still moving, so statuses stay fresh.
  const orders = useOrders({ page, page_size: PAGE_SIZE }, { poll: true });

  return (
    <section className="page narrow">
      <h1>My orders</h1>
      {orders.isPending ? (
        <Spinner label="Loading your orders…" />
      ) : orders.isError ? (
        <LoadError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.results.length === 0 ? (
        <Empty title="No orders yet">
          <p>
            <Link to="/">Browse services</Link> to place your first order.
          </p>
        </Empty>
      ) : (
        <>
          <ul className="order-list">
            {orders.data.results.map((o) => (
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
                  {dateTime(o.created_at)} · {o.items?.length ?? 0} line{o.items?.length === 1 ? '' : 's'} · <strong>{money(o.total_amount)}</strong>
                </p>
                {!o.service_listed ? <DelistedNotice /> : !isOpen(o.order_status) && <ReorderButton order={o} className="btn btn-secondary btn-small" />}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} count={orders.data.count} onPage={setPage} />
        </>
      )}
    </section>
  );
}
