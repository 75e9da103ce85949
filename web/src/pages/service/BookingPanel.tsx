import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { CheckoutAttempt } from '../../api/idempotency';
import type { Booking, BookingCreateRequest, Slot, ServiceDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { TextArea } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/QueryState';
import { refusalMessages } from '../../bookings/messages';
import { buildDateStrip, longDay, todayIn, wallClock } from '../../bookings/time';
import { money } from '../../format';
import { useBookingSlots, useCampusTimeZone, useMakeBooking } from '../../hooks/bookings';

const NOTES_MAX = 2000;

/** "Haircut · 30 min · GHS 25.00" */
export function itemLine(name: string, minutes: number, price: string): string {
  return `${name} · ${minutes} min · ${money(price)}`;
}

function seatsText(slot: Slot): string | null {
  if (slot.remaining === 0) return 'Full';
  // Seats are worth counting only where a slot has several.
  if (slot.remaining !== null && slot.capacity !== null && slot.capacity > 1) return `${slot.remaining} seat${slot.remaining === 1 ? '' : 's'} left`;
  return null;
}

/**
 * Booking a booking service: a day from the strip, a free time of that day,
 * optionally an item and a note, then "Book". One Idempotency-Key per attempt,
 * so a double tap or a retry after a lost answer books once.
 */
export function BookingPanel({ service }: { service: ServiceDetail }) {
  const { user } = useAuth();
  const location = useLocation();
  const timeZone = useCampusTimeZone();
  const today = todayIn(timeZone.data);
  const strip = buildDateStrip(today, service.max_days_ahead ?? 14);
  const [chosenDate, setChosenDate] = useState<string | null>(null);
  const date = chosenDate && strip.some((d) => d.date === chosenDate) ? chosenDate : today;
  const slots = useBookingSlots(service.id, date);
  const [start, setStart] = useState<string | null>(null);
  const [itemId, setItemId] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [booked, setBooked] = useState<Booking | null>(null);
  const make = useMakeBooking();
  const attempt = useRef(new CheckoutAttempt());
  const bookedHeading = useRef<HTMLHeadingElement>(null);
  // The confirmation replaces the form: bring it into view and to screen readers.
  useEffect(() => {
    if (booked) bookedHeading.current?.focus();
  }, [booked]);

  const minutes = service.slot_minutes ?? 30;
  const items = service.items.filter((i) => i.is_available);
  const isStudent = user?.user_type === 'student';
  const canBook = !!service.is_available;
  const day = strip.find((d) => d.date === date);
  // Right after another day is picked, the query still holds the previous
  // day's times (kept so polling does not flicker): they are never shown or
  // bookable as this day's, or a tap would book the same hour on the wrong day.
  const dayTimes = slots.isPlaceholderData ? undefined : slots.data;
  const chosenSlot = dayTimes?.find((s) => s.start === start) ?? null;

  if (booked) {
    const w = wallClock(booked.start);
    return (
      <section aria-labelledby="booking-heading" className="card booking-panel">
        <h2 id="booking-heading" ref={bookedHeading} tabIndex={-1}>
          Booked
        </h2>
        <Notice tone="success" title="Your booking is confirmed">
          <p>
            {longDay(w.date)}, {w.time}–{wallClock(booked.end).time} at {booked.service_name}
            {booked.service_item_name ? ` · ${booked.service_item_name}` : ''}
            {booked.price ? ` · ${money(booked.price)}` : ''}
          </p>
        </Notice>
        <p className="btn-row">
          <Link className="btn" to={`/bookings/${booked.id}`}>
            View booking #{booked.id}
          </Link>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setBooked(null);
              setStart(null);
              setNotes('');
            }}
          >
            Book another time
          </button>
        </p>
      </section>
    );
  }

  function book() {
    if (!chosenSlot) return;
    const body: BookingCreateRequest = { service: service.id, start: chosenSlot.start, ...(itemId ? { service_item: itemId } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) };
    make.mutate(
      { body, key: attempt.current.keyFor(body) },
      {
        onSuccess: (b) => {
          attempt.current.complete();
          setBooked(b);
        },
        onError: () => {
          // Someone may have taken the seat meanwhile: show the times as they are now.
          setStart(null);
          void slots.refetch();
        },
      },
    );
  }

  return (
    <section aria-labelledby="booking-heading" className="card booking-panel">
      <h2 id="booking-heading">Book a time</h2>
      {!canBook && <Notice tone="info">This service is not taking bookings right now.</Notice>}

      <div className="date-strip" role="group" aria-label="Day">
        {strip.map((d) => (
          <button
            key={d.date}
            type="button"
            className="date-chip"
            aria-pressed={d.date === date}
            title={d.label}
            onClick={() => {
              setChosenDate(d.date);
              setStart(null);
              make.reset();
            }}
          >
            <span className="date-chip-weekday">{d.weekday}</span>
            <span className="date-chip-day">{d.dayMonth}</span>
          </button>
        ))}
      </div>

      <h3 className="slots-heading">{day ? day.label : longDay(date)}</h3>
      {make.isError && (
        <Notice tone="error" title="Not booked">
          {refusalMessages(make.error).map((m) => (
            <p key={m}>{m}</p>
          ))}
          <p>The times below are up to date: please choose again.</p>
        </Notice>
      )}
      {slots.isPending ? (
        <Spinner label="Loading times…" />
      ) : slots.isError ? (
        <Notice tone="error">
          <p>{refusalMessages(slots.error)[0]}</p>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void slots.refetch()}>
            Try again
          </button>
        </Notice>
      ) : !dayTimes ? (
        <Spinner label="Loading times…" />
      ) : dayTimes.length === 0 ? (
        <p className="muted">No times on this day. Try another day.</p>
      ) : dayTimes.every((s) => s.remaining === 0) ? (
        <>
          <p className="muted">Every time on this day is taken. Try another day.</p>
          <SlotGrid slots={dayTimes} start={start} onPick={setStart} />
        </>
      ) : (
        <SlotGrid slots={dayTimes} start={start} onPick={setStart} />
      )}

      {items.length > 0 && (
        <fieldset className="booking-items">
          <legend>What for? (optional)</legend>
          <label className="radio-row">
            <input type="radio" name="booking-item" checked={itemId === null} onChange={() => setItemId(null)} />
            Nothing specific
          </label>
          {items.map((it) => (
            <label className="radio-row" key={it.id}>
              <input type="radio" name="booking-item" checked={itemId === it.id} onChange={() => setItemId(it.id)} />
              {itemLine(it.name, minutes, it.price)}
            </label>
          ))}
        </fieldset>
      )}

      <TextArea
        label="Notes for the vendor (optional)"
        value={notes}
        maxLength={NOTES_MAX}
        onChange={(e) => setNotes(e.target.value)}
        hint="For example what you would like done."
      />

      {!user ? (
        <p>
          <Link className="btn" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            Log in to book
          </Link>
        </p>
      ) : !isStudent ? (
        <p className="muted">Students book here; you are signed in as a {user.user_type}.</p>
      ) : (
        <div className="booking-submit">
          <p className="muted small" aria-live="polite">
            {chosenSlot ? `${day ? day.label : date}, ${wallClock(chosenSlot.start).time}–${wallClock(chosenSlot.end).time}` : 'Choose a time above.'}
          </p>
          <button type="button" className="btn" disabled={!chosenSlot || !canBook || make.isPending} onClick={book}>
            {make.isPending ? 'Booking…' : 'Book'}
          </button>
        </div>
      )}
    </section>
  );
}

function SlotGrid({ slots, start, onPick }: { slots: Slot[]; start: string | null; onPick: (start: string) => void }) {
  return (
    <ul className="slot-grid" aria-label="Times">
      {slots.map((slot) => {
        const extra = seatsText(slot);
        const full = slot.remaining === 0;
        return (
          <li key={slot.start}>
            <button
              type="button"
              className={`slot${full ? ' slot-full' : ''}`}
              disabled={full}
              aria-pressed={full ? undefined : slot.start === start}
              onClick={() => onPick(slot.start)}
            >
              <span className="slot-time">{wallClock(slot.start).time}</span>
              {extra && <span className="slot-extra">{extra}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
