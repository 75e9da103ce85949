import { Link } from 'react-router';
import type { Order } from '../../../api/types';
import { StatusBadge } from '../../../components/Badges';
import { OrderActions } from '../../../components/OrderActions';
import { dateTime, formatTime, isOpen, money } from '../../../format';
import { waitedLabel } from './queueModel';
import { PaymentTag } from '../../../payments/PaymentTag';
import { LineOptions } from '../../../options/LineOptions';

function customerLabel(o: Order): string {
  return o.customer_name || o.customer_email || `Customer #${o.customer}`;
}

const clock = (iso: string) => formatTime(iso);

/** When the customer expects it: a chosen pickup time, the vendor's estimate, or as soon as possible. */
function dueLabel(o: Order): string {
  if (o.pickup_at) return `Pickup at ${clock(o.pickup_at)}`;
  if (o.estimated_ready_at) return `Ready around ${clock(o.estimated_ready_at)}`;
  return 'As soon as possible';
}

/** One order in the vendor's queue (a list row on a phone, a board card on a laptop). */
export function QueueCard({ order: o, now, headingLevel, fresh }: { order: Order; now: number; headingLevel: 2 | 3; fresh: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const open = isOpen(o.order_status);
  return (
    <li className={`card order-card${fresh ? ' order-fresh' : ''}`}>
      <div className="order-card-head">
        <Heading className="order-title">
          <Link to={`/orders/${o.id}`}>
            Order #{o.id} · {o.service_name}
          </Link>
        </Heading>
        <span className="order-badges">
          {fresh && <span className="badge badge-new">New</span>}
          <StatusBadge status={o.order_status} />
          <PaymentTag payment={o.payment} />
        </span>
      </div>
      {open && (
        <p className="queue-timing">
          <span className={o.pickup_at ? 'due due-pickup' : 'due'}>{dueLabel(o)}</span>
          <span className="waited">{waitedLabel(o.created_at, now)}</span>
        </p>
      )}
      <p className="muted small">
        {customerLabel(o)} · {dateTime(o.created_at)}
      </p>
      <ul className="queue-items">
        {o.items?.map((it) => (
          <li key={it.id}>
            {it.quantity} × {it.service_item_name || `Item #${it.service_item}`}
            <LineOptions options={it.options} />
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
  );
}
