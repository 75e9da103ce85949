import { Link, useSearchParams } from 'react-router';
import type { Booking } from '../../api/types';
import { addDays, longDay, shortDay, todayIn, wallClock, weekStart } from '../../bookings/time';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { useBookings, useBookingsByDate, useCampusTimeZone } from '../../hooks/bookings';
import { useMediaQuery } from '../../hooks/useMediaQuery';
import { useServices } from '../../hooks/services';
import { BookingActions, BookingStatusBadge } from '../bookings/BookingActions';
import { PaymentTag } from '../../payments/PaymentTag';
import { LiveStatus } from '../../components/LiveStatus';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The week view needs room for seven columns: laptops and wider. */
export const WEEK_MEDIA = '(min-width: 1024px)';

/**
 * The vendor's bookings for a day (or a week at laptop width), in time order,
 * with Complete / No-show / Cancel as the server allows. Day, view and service
 * live in the address, so a reload or a shared link shows the same agenda.
 */
export function VendorAgendaPage() {
  const [params, setParams] = useSearchParams();
  // A vendor listing /api/services/ gets their own services.
  const services = useServices({ service_type: 'booking', page_size: 100 });
  const own = services.data?.results ?? [];
  const serviceParam = Number(params.get('service')) || null;
  const service = own.some((s) => s.id === serviceParam) ? serviceParam : null;
  const timeZone = useCampusTimeZone();
  const today = todayIn(timeZone.data);
  const date = DATE.test(params.get('date') ?? '') ? params.get('date')! : today;
  const wide = useMediaQuery(WEEK_MEDIA);
  const week = wide && params.get('view') === 'week';
  const monday = weekStart(date);
  const weekDates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const filter = service ? { service, page_size: 100 } : { page_size: 100 };
  const day = useBookings({ ...filter, date }, { enabled: !week });
  const days = useBookingsByDate(weekDates, filter, { enabled: week });

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  }
  const step = week ? 7 : 1;

  return (
    <section className="page agenda-page">
      <div className="page-head">
        <h1>Agenda</h1>
        <LiveStatus />
      </div>
      {services.isSuccess && own.length === 0 ? (
        <Empty title="No booking services yet">
          <p>
            Bookings appear here once one of <Link to="/vendor/services">your services</Link> is of the type “Booking” and has opening hours.
          </p>
        </Empty>
      ) : (
        <>
          <div className="agenda-controls">
            <div className="btn-row agenda-nav">
              <button type="button" className="btn btn-secondary" onClick={() => update({ date: addDays(date, -step) })}>
                ← Previous {week ? 'week' : 'day'}
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => update({ date: null })} disabled={date === today}>
                Today
              </button>
              <button type="button" className="btn btn-secondary" onClick={() => update({ date: addDays(date, step) })}>
                Next {week ? 'week' : 'day'} →
              </button>
            </div>
            <div className="field agenda-date">
              <label htmlFor="agenda-date">Day</label>
              <input id="agenda-date" type="date" value={date} onChange={(e) => DATE.test(e.target.value) && update({ date: e.target.value })} />
            </div>
            {own.length > 1 && (
              <div className="field agenda-service">
                <label htmlFor="agenda-service">Service</label>
                <select id="agenda-service" value={service ?? ''} onChange={(e) => update({ service: e.target.value })}>
                  <option value="">All booking services</option>
                  {own.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.service_name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {wide && (
              <div className="btn-row view-toggle" role="group" aria-label="View">
                <button type="button" className="btn btn-secondary" aria-pressed={!week} onClick={() => update({ view: null })}>
                  Day
                </button>
                <button type="button" className="btn btn-secondary" aria-pressed={week} onClick={() => update({ view: 'week' })}>
                  Week
                </button>
              </div>
            )}
          </div>

          {week ? (
            <>
              <h2 className="agenda-heading">
                Week of {longDay(monday)}
              </h2>
              <div className="agenda-week">
                {weekDates.map((d, i) => {
                  const q = days[i];
                  const list = q?.data?.results ?? [];
                  return (
                    <section key={d} className={`agenda-col${d === today ? ' agenda-today' : ''}`} aria-labelledby={`col-${d}`}>
                      <h3 id={`col-${d}`}>
                        <button type="button" className="btn-link" onClick={() => update({ date: d, view: null })}>
                          {shortDay(d)}
                        </button>
                      </h3>
                      {q?.isPending ? (
                        <Spinner label="Loading…" />
                      ) : q?.isError ? (
                        <p className="small">Could not load.</p>
                      ) : list.length === 0 ? (
                        <p className="muted small">No bookings</p>
                      ) : (
                        <ul className="agenda-week-list">
                          {list.map((b) => (
                            <li key={b.id} className={`agenda-mini status-line-${b.booking_status}`}>
                              <Link to={`/bookings/${b.id}`}>
                                <strong>{wallClock(b.start).time}</strong> {b.customer_name}
                              </Link>
                              {b.service_item_name && <span className="small block">{b.service_item_name}</span>}
                              <BookingStatusBadge status={b.booking_status} />
                              <PaymentTag payment={b.payment} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </section>
                  );
                })}
              </div>
            </>
          ) : (
            <>
              <h2 className="agenda-heading">
                {date === today ? 'Today, ' : ''}
                {longDay(date)}
              </h2>
              {day.isPending ? (
                <Spinner label="Loading bookings…" />
              ) : day.isError ? (
                <LoadError error={day.error} onRetry={() => void day.refetch()} />
              ) : day.data.results.length === 0 ? (
                <Empty title="No bookings on this day">
                  <p>New bookings appear here by themselves.</p>
                </Empty>
              ) : (
                <>
                  <p className="result-count" aria-live="polite">
                    {countLine(day.data.results)}
                  </p>
                  <ol className="agenda-day">
                    {day.data.results.map((b) => (
                      <AgendaEntry key={b.id} booking={b} showService={own.length > 1 && !service} />
                    ))}
                  </ol>
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function countLine(list: Booking[]): string {
  const confirmed = list.filter((b) => b.booking_status === 'confirmed').length;
  return `${list.length} booking${list.length === 1 ? '' : 's'}${confirmed !== list.length ? `, ${confirmed} still confirmed` : ''}`;
}

function AgendaEntry({ booking: b, showService }: { booking: Booking; showService: boolean }) {
  return (
    <li className={`card agenda-entry status-line-${b.booking_status}`}>
      <div className="agenda-time">
        <strong>{wallClock(b.start).time}</strong>
        <span className="muted small">–{wallClock(b.end).time}</span>
      </div>
      <div className="agenda-body">
        <div className="order-card-head">
          <h3 className="booking-title">
            <Link to={`/bookings/${b.id}`}>{b.customer_name}</Link>
          </h3>
          <span className="order-badges">
            <BookingStatusBadge status={b.booking_status} />
            <PaymentTag payment={b.payment} />
          </span>
        </div>
        {(b.service_item_name || showService) && (
          <p className="small">
            {showService && b.service_name}
            {showService && b.service_item_name && ' · '}
            {b.service_item_name}
          </p>
        )}
        {b.notes && <p className="small agenda-notes">Note: {b.notes}</p>}
        <BookingActions booking={b} />
      </div>
    </li>
  );
}
