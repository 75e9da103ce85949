import { useId, useState } from 'react';
import type { Booking, BookingStatus } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { refusalMessages } from '../../bookings/messages';
import { Notice } from '../../components/Notice';
import { useChangeBookingStatus } from '../../hooks/bookings';

export const BOOKING_STATUS_LABEL: Record<BookingStatus, string> = {
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'No-show',
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return <span className={`badge status-${status}`}>{BOOKING_STATUS_LABEL[status] ?? status}</span>;
}

const REASON_MAX = 500;

/**
 * Buttons for exactly the moves the server allows this user now
 * (`allowed_transitions`). A vendor's cancel asks for the reason the student
 * will read; a student's cancel asks for confirmation.
 */
export function BookingActions({ booking }: { booking: Booking }) {
  const { user } = useAuth();
  const change = useChangeBookingStatus();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonId = useId();
  const moves = booking.allowed_transitions ?? [];
  const isVendor = user?.user_type === 'vendor';
  if (moves.length === 0) {
    return change.isError ? <Errors error={change.error} /> : null;
  }
  const sr = <span className="sr-only"> booking #{booking.id}</span>;

  return (
    <div className="booking-actions">
      {change.isError && <Errors error={change.error} />}
      {asking ? (
        <form
          className="cancel-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setMissing(true);
              return;
            }
            change.mutate({ id: booking.id, to: 'cancelled', reason: reason.trim() }, { onSuccess: () => setAsking(false) });
          }}
        >
          <div className={`field${missing ? ' field-invalid' : ''}`}>
            <label htmlFor={reasonId}>Why are you cancelling? The student will read this.</label>
            <textarea
              id={reasonId}
              rows={2}
              maxLength={REASON_MAX}
              value={reason}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${reasonId}-error` : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
            />
            {missing && (
              <p className="field-error" id={`${reasonId}-error`}>
                Give a reason for cancelling.
              </p>
            )}
          </div>
          <div className="btn-row">
            <button type="submit" className="btn btn-danger" disabled={change.isPending}>
              Cancel booking{sr}
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)}>
              Keep booking{sr}
            </button>
          </div>
        </form>
      ) : (
        <div className="btn-row">
          {moves.includes('completed') && (
            <button type="button" className="btn" disabled={change.isPending} onClick={() => change.mutate({ id: booking.id, to: 'completed' })}>
              Complete{sr}
            </button>
          )}
          {moves.includes('no_show') && (
            <button type="button" className="btn btn-secondary" disabled={change.isPending} onClick={() => change.mutate({ id: booking.id, to: 'no_show' })}>
              No-show{sr}
            </button>
          )}
          {moves.includes('cancelled') && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={change.isPending}
              onClick={() => {
                if (isVendor) {
                  setAsking(true);
                  return;
                }
                if (!window.confirm('Cancel this booking? The time will be offered to others.')) return;
                change.mutate({ id: booking.id, to: 'cancelled' });
              }}
            >
              {isVendor ? 'Cancel…' : 'Cancel booking'}
              {sr}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Errors({ error }: { error: unknown }) {
  return (
    <Notice tone="error">
      {refusalMessages(error).map((m) => (
        <p key={m}>{m}</p>
      ))}
    </Notice>
  );
}
