import { useState, type FormEvent } from 'react';
import type { Hours } from '../../../api/types';
import { TextField } from '../../../components/Field';
import { FormErrors, fieldErrors } from '../../../components/FormErrors';
import { useAddClosure, useDeleteClosure } from '../../../hooks/schedule';
import { shortDate } from '../../../schedule';

const FIELDS = ['starts_on', 'ends_on', 'reason'] as const;

/** Whole days off (a holiday, staff training): no pickup times, no orders as soon as possible. */
export function ClosuresEditor({ serviceId, hours }: { serviceId: number; hours: Hours }) {
  const [form, setForm] = useState({ starts_on: '', ends_on: '', reason: '' });
  const add = useAddClosure(serviceId);
  const remove = useDeleteClosure(serviceId);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => {
    if (add.isSuccess) add.reset();
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // A one-day closure needs only its first day.
    const body = { ...form, ends_on: form.ends_on || form.starts_on, reason: form.reason.trim() };
    add.mutate(body, { onSuccess: () => setForm({ starts_on: '', ends_on: '', reason: '' }) });
  }

  return (
    <section className="card" aria-labelledby="closures-heading">
      <h2 id="closures-heading">Closures</h2>
      <p className="muted small">Days you are closed, first and last day included. Orders already placed for those days stay as they are.</p>
      {hours.closures.length === 0 ? (
        <p className="muted">No closures coming up.</p>
      ) : (
        <ul className="closure-list" aria-label="Coming closures">
          {hours.closures.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.starts_on === c.ends_on ? shortDate(c.starts_on) : `${shortDate(c.starts_on)} – ${shortDate(c.ends_on)}`}</strong>
                {c.reason && ` · ${c.reason}`}
              </span>
              <button
                type="button"
                className="btn btn-danger btn-small"
                disabled={remove.isPending}
                onClick={() => remove.mutate(c.id)}
                aria-label={`Delete the closure ${c.starts_on} to ${c.ends_on}${c.reason ? ` (${c.reason})` : ''}`}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormErrors error={remove.error} />
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Add a closure">
        <h3 className="h3">Add a closure</h3>
        <FormErrors error={add.error} fields={FIELDS} />
        <div className="grid-2">
          <TextField label="First day closed" name="starts_on" type="date" required value={form.starts_on} onChange={set('starts_on')} errors={fieldErrors(add.error, 'starts_on')} />
          <TextField
            label="Last day closed"
            name="ends_on"
            type="date"
            value={form.ends_on}
            min={form.starts_on || undefined}
            onChange={set('ends_on')}
            errors={fieldErrors(add.error, 'ends_on')}
            hint="Leave empty for a single day."
          />
        </div>
        <TextField
          label="Reason (optional)"
          name="reason"
          maxLength={200}
          value={form.reason}
          onChange={set('reason')}
          errors={fieldErrors(add.error, 'reason')}
          hint="Students see it, e.g. “Public holiday”."
        />
        <button type="submit" className="btn" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add closure'}
        </button>
        {add.isSuccess && <p role="status" className="small">Closure added.</p>}
      </form>
    </section>
  );
}
