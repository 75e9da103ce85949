import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Hours, Slot } from '../../api/types';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/QueryState';
import { useHours, useSlots } from '../../hooks/schedule';
import { useService } from '../../hooks/services';
import { useNow } from '../../hooks/useNow';
import { addDays, campusNow, closedReason, clockTime, dateLabel, nextOpenDate, openState } from '../../schedule';

/** As soon as possible (`at` null), or the `start` of a pickup slot. */
export interface Pickup {
  mode: 'asap' | 'scheduled';
  at: string | null;
}

/** The ordering horizon of the contract: pickup times up to 7 days ahead. */
const DAYS = 7;

/**
 * Checkout's "when": as soon as possible, offered only while the service is
 * open (the API refuses it otherwise), or a pickup time from the service's
 * slots, day by day, with full times shown and disabled.
 */
export function PickupChooser({
  serviceId,
  value,
  onChange,
  errors,
}: {
  serviceId: number;
  value: Pickup;
  onChange: (p: Pickup) => void;
  /** The API's refusals for `pickup_at` and `service`, shown here. */
  errors: string[];
}) {
  const now = useNow(30_000);
  const hours = useHours(serviceId);
  const service = useService(serviceId);
  const today = hours.data ? campusNow(hours.data.time_zone, now).date : null;
  const [day, setDay] = useState<string | null>(null);
  const date = day ?? today;
  const hasHours = !!hours.data && hours.data.weekly.length > 0;
  const slots = useSlots(serviceId, hasHours && value.mode === 'scheduled' ? date : null);

  const asapOk = hours.data ? hours.data.open_now && service.data?.is_available !== false : true;
  // ASAP is not offered while the API would refuse it: switch to a pickup time.
  useEffect(() => {
    if (hours.data && !asapOk && value.mode === 'asap' && hasHours) onChange({ mode: 'scheduled', at: null });
  }, [hours.data, asapOk, value.mode, hasHours, onChange]);

  // A refused pickup time (taken meanwhile): show the fresh places.
  const { refetch } = slots;
  const errorText = errors.join('\n');
  useEffect(() => {
    if (errorText && value.mode === 'scheduled') void refetch();
  }, [errorText, value.mode, refetch]);

  if (hours.isPending) return <Spinner label="Loading pickup times…" />;
  const state = hours.data ? openState({ ...hours.data, is_available: service.data?.is_available }, now) : null;

  return (
    <fieldset className="pickup">
      <legend className="h3">When do you want it?</legend>
      <div className="segmented">
        <label className={value.mode === 'asap' ? 'checked' : ''}>
          <input type="radio" name="pickup_mode" value="asap" checked={value.mode === 'asap'} disabled={!asapOk} onChange={() => onChange({ mode: 'asap', at: null })} />
          As soon as possible
        </label>
        {hasHours && (
          <label className={value.mode === 'scheduled' ? 'checked' : ''}>
            <input type="radio" name="pickup_mode" value="scheduled" checked={value.mode === 'scheduled'} onChange={() => onChange({ mode: 'scheduled', at: value.at })} />
            Pickup time
          </label>
        )}
      </div>
      {!asapOk && state && (
        <Notice tone="warning" title={state.text}>
          <p>{hasHours ? 'Orders “as soon as possible” are not taken right now: choose a pickup time.' : 'This service is not taking orders right now.'}</p>
        </Notice>
      )}
      {value.mode === 'asap' && asapOk && (
        <p className="muted small">
          {service.data?.prep_minutes ? `Each order takes about ${service.data.prep_minutes} minutes to prepare. ` : ''}
          Your order page shows when it should be ready, counting the orders ahead of yours.
        </p>
      )}
      {value.mode === 'scheduled' && today && date && (
        <>
          <div className="day-chooser" role="group" aria-label="Pickup day">
            {Array.from({ length: DAYS }, (_, i) => addDays(today, i)).map((d) => (
              <button
                key={d}
                type="button"
                className="btn btn-secondary btn-small"
                aria-pressed={d === date}
                onClick={() => {
                  setDay(d);
                  if (value.at) onChange({ mode: 'scheduled', at: null });
                }}
              >
                {dateLabel(d, today)}
              </button>
            ))}
          </div>
          {slots.isPending ? (
            <Spinner label="Loading pickup times…" />
          ) : slots.isError ? (
            <Notice tone="error">Could not load the pickup times. Check your connection and choose the day again.</Notice>
          ) : slots.data.length === 0 ? (
            <NoSlots date={date} today={today} hours={hours.data!} />
          ) : (
            <SlotPicker
              slots={slots.data}
              value={value.at}
              label={`Pickup times, ${dateLabel(date, today)}`}
              onPick={(start) => onChange({ mode: 'scheduled', at: start })}
            />
          )}
        </>
      )}
      {errors.map((m) => (
        <p className="field-error" key={m} role="alert">
          {m}
        </p>
      ))}
    </fieldset>
  );
}

/**
 * Why a day has no pickup times. A closure or a day without hours is not
 * "sold out": say it is closed, why (the vendor's reason), and when it opens.
 */
function NoSlots({ date, today, hours }: { date: string; today: string; hours: Hours }) {
  const reason = closedReason(date, hours);
  if (reason === null) return <p className="muted">No pickup times left on this day. Choose another day.</p>;
  const next = nextOpenDate(date, hours);
  return (
    <Notice tone="warning" title={`Closed ${dateLabel(date, today).replace(/^(Today|Tomorrow)$/, (w) => w.toLowerCase())}`}>
      <p>
        {reason ? `${reason}. ` : ''}
        {next ? `Opens again ${dateLabel(next, today).replace(/^(Today|Tomorrow)$/, (w) => w.toLowerCase())}.` : 'No opening day is set yet.'}
      </p>
    </Notice>
  );
}

/**
 * The pickup times of one day as one control (a radio group): Tab reaches it
 * once, the arrow keys move the choice, Home and End jump to the ends. Full
 * times are shown, disabled, and skipped by the keys.
 */
function SlotPicker({ slots, value, label, onPick }: { slots: Slot[]; value: string | null; label: string; onPick: (start: string) => void }) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const open = slots.filter((s) => s.remaining !== 0);
  const selected = open.findIndex((s) => s.start === value);
  const tabStop = open[selected >= 0 ? selected : 0]?.start;
  const move = (to: number) => {
    const slot = open[(to + open.length) % open.length];
    if (!slot) return;
    onPick(slot.start);
    refs.current.get(slot.start)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // From the focused time (the chosen one, or the first before any choice).
    const focused = open.findIndex((s) => refs.current.get(s.start) === e.target);
    const at = focused >= 0 ? focused : Math.max(selected, 0);
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) move(at + step[e.key]);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(open.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div className="slot-grid" role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {slots.map((slot) => {
        const time = clockTime(slot.start);
        const full = slot.remaining === 0;
        return (
          <button
            key={slot.start}
            ref={(el) => {
              if (el) refs.current.set(slot.start, el);
              else refs.current.delete(slot.start);
            }}
            type="button"
            role="radio"
            aria-checked={value === slot.start}
            tabIndex={slot.start === tabStop ? 0 : -1}
            disabled={full}
            className={`btn btn-secondary btn-small${full ? ' slot-full' : ''}`}
            aria-label={full ? `${time} Full` : `${time}${slot.remaining !== null ? `, ${slot.remaining} left` : ''}`}
            onClick={() => onPick(slot.start)}
          >
            {time} {full && <small>Full</small>}
          </button>
        );
      })}
    </div>
  );
}
