import { Link, useParams } from 'react-router';
import { parseId } from '../../api/queryKeys';
import type { Booking, BookingEvent, BookingStatus } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { PaymentSummary } from '../../payments/PaymentSummary';
import { PaymentTag } from '../../payments/PaymentTag';
import { cancelNotice, longDay, wallClock } from '../../bookings/time';
import { Notice } from '../../components/Notice';
import { money } from '../../format';
import { useBooking } from '../../hooks/bookings';
import { useService } from '../../hooks/services';
import { BOOKING_STATUS_LABEL, BookingActions, BookingStatusBadge } from './BookingActions';
import { LiveStatus } from '../../components/LiveStatus';
import { PurchaseBreadcrumb, PurchaseCardHead, PurchaseQuery, PurchaseTimeline, type PurchaseHome } from '../../purchases/PurchasePage';
import { stepText, type TimelineEntry } from '../../purchases/timeline';

function who(e: BookingEvent, myId: number | undefined): string {
  if (e.actor !== null && e.actor === myId) return 'you';
  return e.actor_name || (e.actor === null ? 'the system' : 'someone');
}

function statusLabel(status: string): string {
  return BOOKING_STATUS_LABEL[status as BookingStatus] ?? status;
}

/** The booking's `history` as timeline entries: its making reads "Booked". */
function bookingTimeline(booking: Booking, myId: number | undefined): TimelineEntry[] {
  return booking.history.map((h) => ({
    status: h.kind === 'made' ? 'Booked' : stepText(h.from_status, h.to_status, statusLabel),
    created_at: h.created_at,
    by: who(h, myId),
    reason: h.reason,
  }));
}

export function BookingDetailPage() {
  const id = parseId(useParams().id);
  const { user } = useAuth();
  const booking = useBooking(id);
  const home =
    user?.user_type === 'vendor'
      ? { to: '/vendor/agenda', crumb: 'Agenda', back: 'Back to the agenda' }
      : { to: '/bookings', crumb: 'My bookings', back: 'Back to my bookings' };
  return (
    <PurchaseQuery kind="booking" id={id} query={booking} home={home}>
      {(b) => <BookingView booking={b} home={home} />}
    </PurchaseQuery>
  );
}

function BookingView({ booking: b, home }: { booking: Booking; home: PurchaseHome }) {
  const { user } = useAuth();
  const isVendor = user?.user_type === 'vendor';
  const start = wallClock(b.start);

  return (
    <section className="page narrow">
      <PurchaseBreadcrumb kind="booking" id={b.id} home={home} />
      <div className="card">
        <PurchaseCardHead kind="booking" id={b.id}>
          <BookingStatusBadge status={b.booking_status} />
          {b.booking_status === 'confirmed' && <LiveStatus />}
        </PurchaseCardHead>
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

      <PurchaseTimeline heading="History" entries={bookingTimeline(b, user?.id)} />
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
