import { Link, useParams, useSearchParams } from 'react-router';
import { parseId } from '../api/queryKeys';
import type { Order, OrderStatus, OrderStatusChange } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { StatusBadge } from '../components/Badges';
import { Notice } from '../components/Notice';
import { OrderActions } from '../components/OrderActions';
import { LiveStatus } from '../components/LiveStatus';
import { dateTime, isOpen, money, STATUS_LABEL } from '../format';
import { useOrder } from '../hooks/orders';
import { useService } from '../hooks/services';
import { useVendorProfile } from '../hooks/vendorPublic';
import { DelistedNotice } from '../components/DelistedNotice';
import { ReorderButton } from '../components/ReorderButton';
import { clockTime, OrderProgress } from '../orders/OrderProgress';
import { PaymentSummary } from '../payments/PaymentSummary';
import { LineOptions } from '../options/LineOptions';
import { PurchaseBreadcrumb, PurchaseCardHead, PurchaseQuery, PurchaseTimeline, type PurchaseHome } from '../purchases/PurchasePage';
import { stepText, type TimelineEntry } from '../purchases/timeline';

function who(change: OrderStatusChange, order: Order, myId: number | undefined): string {
  if (change.changed_by !== null && change.changed_by === myId) return 'you';
  if (change.changed_by_name) return change.changed_by_name;
  if (change.changed_by === order.customer) return 'the customer';
  return change.changed_by === null ? 'the system' : 'the vendor';
}

function statusLabel(status: string): string {
  return STATUS_LABEL[status as OrderStatus] ?? status;
}

/** The order's `status_history` as timeline entries. */
function orderTimeline(order: Order, myId: number | undefined): TimelineEntry[] {
  return ((order.status_history ?? []) as OrderStatusChange[]).map((h) => ({
    status: stepText(h.from_status, h.to_status, statusLabel),
    created_at: h.created_at,
    by: who(h, order, myId),
    reason: h.reason ?? '',
  }));
}

export function OrderDetailPage() {
  const id = parseId(useParams().id);
  const { user } = useAuth();
  const order = useOrder(id);
  const home =
    user?.user_type === 'vendor'
      ? { to: '/vendor/orders', crumb: 'Order queue', back: 'Back to the order queue' }
      : { to: '/orders', crumb: 'My orders', back: 'Back to my orders' };
  return (
    <PurchaseQuery kind="order" id={id} query={order} home={home}>
      {(o) => <OrderView order={o} home={home} />}
    </PurchaseQuery>
  );
}

function OrderView({ order: o, home }: { order: Order; home: PurchaseHome }) {
  const [params] = useSearchParams();
  const { user } = useAuth();
  // Where to collect: the service's place, else its vendor's address.
  // A student is not sent to ask once the service has left the marketplace: it would only answer 404.
  const service = useService(o.service_listed || user?.user_type !== 'student' ? o.service : null);
  const vendor = useVendorProfile(service.data?.vendor ?? null);
  const isCustomer = user?.id === o.customer || user?.user_type === 'student';

  return (
    <section className="page narrow">
      <PurchaseBreadcrumb kind="order" id={o.id} home={home} />
      {params.get('placed') && o.order_status === 'pending' && o.payment?.status !== 'awaiting_payment' && <Notice tone="success">Order placed. The vendor will confirm it shortly.</Notice>}
      <div className="card">
        <PurchaseCardHead kind="order" id={o.id}>
          <StatusBadge status={o.order_status} />
        </PurchaseCardHead>
        <p>
          {o.service_listed ? <Link to={`/services/${o.service}`}>{o.service_name}</Link> : o.service_name} · placed {dateTime(o.created_at)}
        </p>
        <PaymentSummary payment={o.payment} target={{ kind: 'order', id: o.id }} isPayer={user?.id === o.customer} />
        <OrderProgress order={o} />
        <PickupFacts order={o} place={service.data?.location || vendor.data?.address || ''} vendorId={service.data?.vendor ?? null} />
        {isOpen(o.order_status) && (
          <p className="muted small" aria-live="off">
            This page updates by itself while the order is open.
          </p>
        )}
        {isOpen(o.order_status) && <LiveStatus />}
        <table className="cart-table">
          <caption className="sr-only">Items in this order</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Price
              </th>
            </tr>
          </thead>
          <tbody>
            {o.items?.map((it) => (
              <tr key={it.id}>
                <th scope="row">
                  {it.service_item_name || `Item #${it.service_item}`}
                  <LineOptions options={it.options} />
                  <span className="muted small block">{money(it.unit_price)} each</span>
                </th>
                <td className="num">{it.quantity}</td>
                <td className="num">{money(it.total_price)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td className="num total">{money(o.total_amount)}</td>
            </tr>
          </tfoot>
        </table>
        {(o.delivery_address || o.special_instructions) && (
          <dl className="facts">
            {o.delivery_address && (
              <>
                <dt>Deliver to</dt>
                <dd>{o.delivery_address}</dd>
              </>
            )}
            {o.special_instructions && (
              <>
                <dt>Instructions</dt>
                <dd>{o.special_instructions}</dd>
              </>
            )}
          </dl>
        )}
        <OrderActions order={o} />
        {user?.user_type === 'student' && !o.service_listed && <DelistedNotice detail />}
        {user?.user_type === 'student' && o.service_listed && !isOpen(o.order_status) && <ReorderButton order={o} className="btn" />}
        {o.order_status === 'completed' && isCustomer && user?.user_type === 'student' && o.service_listed && (
          <p>
            <Link className="btn btn-secondary" to={`/services/${o.service}#write-review`}>
              Review this service
            </Link>
          </p>
        )}
      </div>

      <PurchaseTimeline heading="Status history" entries={orderTimeline(o, user?.id)} />
    </section>
  );
}

const WAITING: OrderStatus[] = ['pending', 'confirmed', 'preparing'];

/** When and where to collect: the ready estimate, the chosen pickup time, the place. */
function PickupFacts({ order: o, place, vendorId }: { order: Order; place: string; vendorId: number | null }) {
  if (o.order_status === 'cancelled') return null;
  const waiting = WAITING.includes(o.order_status);
  return (
    <dl className="facts pickup-facts">
      {waiting && o.estimated_ready_at && (
        <>
          <dt>Ready around</dt>
          <dd className="ready-estimate">{clockTime(o.estimated_ready_at)}</dd>
        </>
      )}
      {o.order_status === 'ready' && (
        <>
          <dt>Ready</dt>
          <dd className="ready-estimate">Ready to collect now</dd>
        </>
      )}
      <dt>Pickup time</dt>
      <dd>{o.pickup_at ? clockTime(o.pickup_at) : 'As soon as possible'}</dd>
      {place && (
        <>
          <dt>Pickup place</dt>
          <dd>
            {place}
            {vendorId !== null && (
              <>
                {' · '}
                <Link to={`/vendors/${vendorId}`}>{o.vendor_name || 'Vendor'}</Link>
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
