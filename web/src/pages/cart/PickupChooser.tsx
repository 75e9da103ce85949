import { useEffect, useState } from 'react';
import type { Slot } from '../../api/types';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/QueryState';
import { useHours, useSlots } from '../../hooks/schedule';
import { useService } from '../../hooks/services';
import { useNow } from '../../hooks/useNow';
import { addDays, campusNow, clockTime, dateLabel, openState } from '../../schedule';

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
            <p className="muted">No pickup times left on this day. Choose another day.</p>
          ) : (
            <ul className="slot-grid" aria-label={`Pickup times, ${dateLabel(date, today)}`}>
              {slots.data.map((slot) => (
                <li key={slot.start}>
                  <SlotButton slot={slot} selected={value.at === slot.start} onPick={() => onChange({ mode: 'scheduled', at: slot.start })} />
                </li>
              ))}
            </ul>
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

function SlotButton({ slot, selected, onPick }: { slot: Slot; selected: boolean; onPick: () => void }) {
  const time = clockTime(slot.start);
  if (slot.remaining === 0) {
    return (
      <button type="button" className="btn btn-secondary btn-small slot-full" disabled>
        {time} <small>Full</small>
      </button>
    );
  }
  return (
    <button type="button" className="btn btn-secondary btn-small" aria-pressed={selected} onClick={onPick} aria-label={`${time}${slot.remaining !== null ? `, ${slot.remaining} left` : ''}`}>
      {time}
    </button>
  );
}
