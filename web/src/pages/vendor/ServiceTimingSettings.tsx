import { useEffect, useState, type FormEvent } from 'react';
import type { Service, ServiceWrite } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { useSaveService } from '../../hooks/services';

interface Setting {
  name: keyof ServiceWrite & keyof Service;
  label: string;
  min: number;
  max: number;
  hint: string;
  /** Empty is allowed and means "no limit". */
  optional?: boolean;
}

const PICKUP_STEPS = [5, 10, 15, 20, 30, 60];

const ORDERING: Setting[] = [
  { name: 'prep_minutes', label: 'Preparation time (minutes)', min: 1, max: 240, hint: 'How long one order takes. Pickup times start at least this far ahead; ready estimates count it per order in the queue.' },
  { name: 'orders_in_parallel', label: 'Orders prepared at once', min: 1, max: 50, hint: 'How many orders you work on at the same time (1 to 50). More in parallel means shorter estimated waits.' },
  { name: 'orders_per_slot', label: 'Orders per pickup time (orders)', min: 1, max: 500, optional: true, hint: 'The most orders for one pickup time (1 to 500); a full time is shown as full. Empty: no limit.' },
];

const BOOKING: Setting[] = [
  { name: 'slot_minutes', label: 'Appointment length (minutes)', min: 5, max: 480, hint: 'Your hours are split into appointments of this length (5 to 480).' },
  { name: 'seats_per_slot', label: 'People per appointment', min: 1, max: 100, hint: 'How many students can book the same time (1 to 100), e.g. chairs or machines.' },
  { name: 'min_notice_minutes', label: 'Minimum notice (minutes)', min: 0, max: 10080, hint: 'How far ahead a booking must be made (0 to 10080, one week). 60 = at least an hour before.' },
  { name: 'max_days_ahead', label: 'Bookable up to (days ahead)', min: 1, max: 90, hint: 'How many days ahead students can book (1 to 90).' },
  { name: 'cancel_notice_minutes', label: 'Free cancellation until (minutes before)', min: 0, max: 10080, hint: 'Students can cancel until this long before the appointment (0 to 10080).' },
];

type Values = Record<string, string>;

function toValues(s: Service): Values {
  const v: Values = { pickup_slot_minutes: String(s.pickup_slot_minutes ?? 15) };
  for (const f of [...ORDERING, ...BOOKING]) {
    const raw = s[f.name];
    v[f.name] = raw === null || raw === undefined ? '' : String(raw);
  }
  return v;
}

/**
 * Timing and capacity: how long orders take and how many fit a pickup time
 * (ordering), or how appointments are cut and booked (booking). Saved on its
 * own, so it never resends the rest of the service.
 */
export function ServiceTimingSettings({ service }: { service: Service }) {
  const [values, setValues] = useState<Values>(() => toValues(service));
  useEffect(() => setValues(toValues(service)), [service]);
  const save = useSaveService();
  const settings = service.service_type === 'ordering' ? ORDERING : service.service_type === 'booking' ? BOOKING : null;
  if (!settings) return null;
  const names = [...settings.map((f) => f.name as string), ...(service.service_type === 'ordering' ? ['pickup_slot_minutes'] : [])];

  const set = (name: string) => (e: { target: { value: string } }) => {
    if (save.isSuccess) save.reset();
    setValues((v) => ({ ...v, [name]: e.target.value }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, number | null> = {};
    for (const name of names) {
      const raw = values[name].trim();
      body[name] = raw === '' ? null : Number(raw);
    }
    save.mutate({ id: service.id, body: body as ServiceWrite });
  }

  const field = (f: Setting) => (
    <TextField
      key={f.name}
      label={f.label}
      name={f.name}
      type="number"
      inputMode="numeric"
      min={f.min}
      max={f.max}
      step={1}
      required={!f.optional}
      value={values[f.name]}
      onChange={set(f.name)}
      hint={f.hint}
      errors={fieldErrors(save.error, f.name)}
    />
  );

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="timing-heading">
      <h2 id="timing-heading" className="h3">
        {service.service_type === 'ordering' ? 'Preparation and pickup times' : 'Appointments'}
      </h2>
      <FormErrors error={save.error} fields={names} />
      {service.service_type === 'ordering' ? (
        <>
          <div className="grid-2">
            {field(ORDERING[0])}
            {field(ORDERING[1])}
          </div>
          <div className="grid-2">
            <SelectField
              label="Pickup time every (minutes)"
              name="pickup_slot_minutes"
              value={values.pickup_slot_minutes}
              onChange={set('pickup_slot_minutes')}
              errors={fieldErrors(save.error, 'pickup_slot_minutes')}
              options={PICKUP_STEPS.map((m) => ({ value: String(m), label: `${m} minutes` }))}
              hint="Students choose a pickup time on this grid, starting when you open."
            />
            {field(ORDERING[2])}
          </div>
        </>
      ) : (
        <>
          <div className="grid-2">
            {field(BOOKING[0])}
            {field(BOOKING[1])}
          </div>
          <div className="grid-2">
            {field(BOOKING[2])}
            {field(BOOKING[3])}
          </div>
          {field(BOOKING[4])}
        </>
      )}
      <button type="submit" className="btn" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save timing'}
      </button>
      {save.isSuccess && <Notice tone="success">Timing saved.</Notice>}
    </form>
  );
}
