import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Booking } from '../../api/types';
import { bookingWhen, cancelNotice } from '../../bookings/time';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { money } from '../../format';
import { useBookings } from '../../hooks/bookings';
import { BookingStatusBadge } from './BookingActions';
import { LiveStatus } from '../../components/LiveStatus';

/** Still ahead: confirmed and not yet over. */
export function isUpcoming(b: Pick<Booking, 'booking_status' | 'end'>, now: Date = new Date()): boolean {
  return b.booking_status === 'confirmed' && Date.parse(b.end) > now.getTime();
}

export function MyBookingsPage() {
  const upcoming = useBookings({ booking_status: 'confirmed', page_size: 100 });
  const all = useBookings({ page_size: 100 });

  return (
    <section className="page narrow">
      <div className="page-head">
        <h1>My bookings</h1>
        <LiveStatus />
      </div>
      <section aria-labelledby="upcoming-heading" className="bookings-section">
        <h2 id="upcoming-heading">Upcoming</h2>
        {upcoming.isPending ? (
          <Spinner label="Loading bookings…" />
        ) : upcoming.isError ? (
          <LoadError error={upcoming.error} onRetry={() => void upcoming.refetch()} />
        ) : (
          <BookingList
            bookings={upcoming.data.results.filter((b) => isUpcoming(b))}
            empty={
              <Empty title="No upcoming bookings">
                <p>
                  Barbers, tutors and other booking services take appointments: <Link to="/?service_type=booking">find one</Link>.
                </p>
              </Empty>
            }
          />
        )}
      </section>
      <section aria-labelledby="past-heading" className="bookings-section">
        <h2 id="past-heading">Past and cancelled</h2>
        {all.isPending ? (
          <Spinner label="Loading bookings…" />
        ) : all.isError ? (
          <LoadError error={all.error} onRetry={() => void all.refetch()} />
        ) : (
          <BookingList bookings={all.data.results.filter((b) => !isUpcoming(b)).reverse()} empty={<p className="muted">None yet.</p>} />
        )}
      </section>
    </section>
  );
}

function BookingList({ bookings, empty }: { bookings: Booking[]; empty: ReactNode }) {
  if (bookings.length === 0) return <>{empty}</>;
  return (
    <ul className="booking-list">
      {bookings.map((b) => {
        const notice = cancelNotice(b);
        return (
          <li key={b.id} className="card booking-card">
            <div className="order-card-head">
              <h3 className="booking-title">
                <Link to={`/bookings/${b.id}`}>{bookingWhen(b)}</Link>
              </h3>
              <BookingStatusBadge status={b.booking_status} />
            </div>
            <p>
              {b.service_name}
              {b.service_item_name && ` · ${b.service_item_name}`}
              {b.price && ` · ${money(b.price)}`}
            </p>
            {notice.kind !== 'none' && <p className="muted small">{notice.kind === 'open' ? notice.text : 'Too late to cancel online.'}</p>}
          </li>
        );
      })}
    </ul>
  );
}
