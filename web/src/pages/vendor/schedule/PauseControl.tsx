import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../../../api/queryKeys';
import type { Hours } from '../../../api/types';
import { TextField } from '../../../components/Field';
import { FormErrors, fieldErrors } from '../../../components/FormErrors';
import { usePause, useResume } from '../../../hooks/schedule';
import { useNow } from '../../../hooks/useNow';
import { countdown, isPaused, pauseText } from '../../../schedule';

const CHOICES = [15, 30, 60];

/** A rush: stop orders "as soon as possible" for a while; scheduled pickups still come in. */
export function PauseControl({ serviceId, hours }: { serviceId: number; hours: Hours }) {
  const now = useNow(1000);
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const pause = usePause(serviceId);
  const resume = useResume(serviceId);
  const paused = isPaused(hours.paused_until, now);

  // When the pause runs out by itself, ask the server for the new state.
  useEffect(() => {
    if (!hours.paused_until) return;
    const left = Date.parse(hours.paused_until) - Date.now();
    if (left <= 0) return;
    const timer = window.setTimeout(() => void qc.invalidateQueries({ queryKey: queryKeys.services.detail(serviceId) }), left + 500);
    return () => window.clearTimeout(timer);
  }, [hours.paused_until, qc, serviceId]);

  return (
    <section className="card" aria-labelledby="pause-heading">
      <h2 id="pause-heading">Pause orders</h2>
      {paused ? (
        <>
          <p className="pause-banner" role="timer" aria-live="off">
            {pauseText(hours.paused_until!, hours.pause_reason)} · {countdown(hours.paused_until!, now)} left
          </p>
          <p className="muted small">Orders for a pickup time still come in; orders already placed are not affected.</p>
          <button type="button" className="btn" disabled={resume.isPending} onClick={() => resume.mutate()}>
            {resume.isPending ? 'Resuming…' : 'Resume orders now'}
          </button>
          <FormErrors error={resume.error} />
        </>
      ) : (
        <>
          <p className="muted small">
            During a rush, stop new “as soon as possible” orders for a while. Students see the reason and when you take orders again; orders for a
            pickup time still come in, and orders already placed stay.
          </p>
          <FormErrors error={pause.error} fields={['reason', 'minutes']} />
          <TextField
            label="Reason (optional)"
            name="pause_reason"
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={fieldErrors(pause.error, 'reason')}
            hint="Students see it, e.g. “rush” or “out of bread”."
          />
          <p className="pause-choices-label" id="pause-for">
            Pause new orders for
          </p>
          <div className="pause-choices" role="group" aria-labelledby="pause-for">
            {CHOICES.map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="btn btn-secondary"
                disabled={pause.isPending}
                onClick={() => pause.mutate({ minutes, reason: reason.trim() }, { onSuccess: () => setReason('') })}
              >
                <span className="sr-only">Pause </span>
                {minutes} min
              </button>
            ))}
          </div>
          {fieldErrors(pause.error, 'minutes').map((m) => (
            <p className="field-error" key={m}>
              {m}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
