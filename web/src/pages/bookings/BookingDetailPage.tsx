import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { parseId } from '../../api/queryKeys';
import type { Booking, BookingEvent, BookingStatus } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { PaymentSummary } from '../../payments/PaymentSummary';
import { PaymentTag } from '../../payments/PaymentTag';
import { cancelNotice, longDay, wallClock } from '../../bookings/time';
import { Notice } from '../../components/Notice';
import { LoadError, Missing, Spinner } from '../../components/QueryState';
import { dateTime, money } from '../../format';
import { useBooking } from '../../hooks/bookings';
import { useService } from '../../hooks/services';
import { BOOKING_STATUS_LABEL, BookingActions, BookingStatusBadge } from './BookingActions';
import { LiveStatus } from '../../components/LiveStatus';

function who(e: BookingEvent, myId: number | undefined): string {
  if (e.actor !== null && e.actor === myId) return 'you';
  return e.actor_name || (e.actor === null ? 'the system' : 'someone');
}

function statusLabel(status: string): string {
  return BOOKING_STATUS_LABEL[status as BookingStatus] ?? status;
}

export function BookingDetailPage() {
  const id = parseId(useParams().id);
  const { user } = useAuth();
  const booking = useBooking(id);
  const isVendor = user?.user_type === 'vendor';
  const home = isVendor ? { to: '/vendor/agenda', label: 'Back to the agenda' } : { to: '/bookings', label: 'Back to my bookings' };

  if (id === null || (booking.isError && isApiError(booking.error) && booking.error.kind === 'not_found')) {
    return (
      <Missing title="Booking not found" back={home}>
        We could not find a booking {id === null ? 'at this address' : `#${id}`} among yours. It may belong to another account, or the link may be mistyped.
      </Missing>
    );
  }
  if (booking.isPending) return <section className="page narrow"><Spinner label="Loading booking…" /></section>;
  if (booking.isError) {
    return (
      <section className="page narrow">
        <h1>Booking #{id}</h1>
        <LoadError error={booking.error} onRetry={() => void booking.refetch()} />
      </section>
    );
  }
  const b = booking.data;
  const start = wallClock(b.start);

  return (
    <section className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={home.to}>{isVendor ? 'Agenda' : 'My bookings'}</Link> <span aria-hidden="true">/</span> <span>Booking #{b.id}</span>
      </nav>
      <div className="card">
        <div className="order-card-head">
          <h1 className="h-reset">Booking #{b.id}</h1>
          <BookingStatusBadge status={b.booking_status} />
          {(b.booking_status === 'confirmed') && <LiveStatus />}
        </div>
        <dl className="facts booking-facts">
          <dt>When</dt>
          <dd>
            {longDay(start.date)}, {start.time}–{wallClock(b.end).time}
          </dd>
          <dt>Service</dt>
          <dd>
            <Link to={`/services/${b.service}`}>{b.service_name}</Link>
            {b.vendor_name && ` by ${b.vendor_name}`}
          </dd>
          {b.service_item_name && (
            <>
              <dt>Item</dt>
              <dd>
                {b.service_item_name}
                {b.price && ` · ${money(b.price)}`}
              </dd>
            </>
          )}
          {isVendor && (
            <>
              <dt>Student</dt>
              <dd>{b.customer_name}</dd>
            </>
          )}
          <dt>Notes</dt>
          <dd>{b.notes || <span className="muted">None</span>}</dd>
        </dl>
        {isVendor ? (
          <p>
            <PaymentTag payment={b.payment} />
          </p>
        ) : (
          <PaymentSummary payment={b.payment} target={{ kind: 'booking', id: b.id }} isPayer={user?.user_type === 'student'} />
        )}
        {!isVendor && <CancelInfo booking={b} />}
        <BookingActions booking={b} />
      </div>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <ol className="timeline">
          {b.history.map((h, i) => (
            <li key={`${h.created_at}-${i}`}>
              <span className="timeline-status">
                {h.kind === 'made' ? 'Booked' : `${statusLabel(h.from_status)} → ${statusLabel(h.to_status)}`}
              </span>
              <span className="muted small">
                {dateTime(h.created_at)} · by {who(h, user?.id)}
              </span>
              {h.reason && <span className="small block">Reason: {h.reason}</span>}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

/** Until when the student may cancel, or, once too late, what to do instead. */
function CancelInfo({ booking }: { booking: Booking }) {
  const notice = cancelNotice(booking);
  const service = useService(notice.kind === 'closed' ? booking.service : null);
  if (notice.kind === 'none') return null;
  if (notice.kind === 'open') return <p className="cancel-note">{notice.text}</p>;
  const contact = service.data?.contact_info;
  return (
    <Notice tone="warning" title="Too late to cancel online">
      <p>{notice.text}</p>
      {contact && <p>Contact: {contact}</p>}
    </Notice>
  );
}
