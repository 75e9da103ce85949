import type { AvailabilityStatus, Service } from '../../api/types';
import { AVAILABILITY_CHOICES, effectiveStatus, TAKES_ORDERS } from '../../availability';
import { FormErrors } from '../../components/FormErrors';
import { useUpdateAvailability } from '../../hooks/services';

/**
 * One control for "can students order now, and how fast": the vendor picks a
 * status and whether orders are taken follows the contract's rule, so the two
 * can never contradict each other (no separate switch to flip off by accident).
 */
export function AvailabilityControl({ service: s }: { service: Service }) {
  const update = useUpdateAvailability(s.id);
  const current = effectiveStatus(s);
  const id = `avail-${s.id}`;
  const hint = AVAILABILITY_CHOICES.find((c) => c.value === current)?.hint;
  return (
    <div className="availability">
      <div className="field">
        <label htmlFor={id}>
          Availability<span className="sr-only"> of {s.service_name}</span>
        </label>
        <select
          id={id}
          value={current}
          disabled={update.isPending}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            const status = e.target.value as AvailabilityStatus;
            // Both fields, explicitly: the contract's rule, whatever the server infers.
            update.mutate({ availability_status: status, is_available: TAKES_ORDERS[status] });
          }}
        >
          {AVAILABILITY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label} — {TAKES_ORDERS[c.value] ? 'taking orders' : 'not taking orders'}
            </option>
          ))}
        </select>
        <p className={`field-hint ${TAKES_ORDERS[current] ? 'hint-ok' : 'hint-off'}`} id={`${id}-hint`}>
          {update.isPending ? 'Saving…' : hint}
        </p>
      </div>
      <FormErrors error={update.error} />
    </div>
  );
}
