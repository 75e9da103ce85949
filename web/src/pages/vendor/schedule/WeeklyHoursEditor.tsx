import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Hours, WeeklyPeriod } from '../../../api/types';
import { FormErrors, fieldErrors } from '../../../components/FormErrors';
import { Notice } from '../../../components/Notice';
import { useReplaceHours } from '../../../hooks/schedule';
import { pastMidnight, splitPeriodErrors, wallTime, WEEKDAYS } from '../../../schedule';

interface Row extends WeeklyPeriod {
  key: number;
}

let nextKey = 1;
const toRows = (weekly: readonly WeeklyPeriod[]): Row[] => weekly.map((p) => ({ ...p, key: nextKey++ }));

/**
 * The week as the vendor edits it: any number of periods per day, each with
 * its own opening and closing time; a closing time at or before the opening
 * time runs past midnight (22:00–02:00), and says so. "Copy to weekdays" gives
 * Tuesday to Friday Monday's periods. Saved all at once (the API replaces the
 * whole week), with each refusal shown beside its period. One line per closed
 * day, one per period, so the week fits on a phone's screen or two.
 */
export function WeeklyHoursEditor({ serviceId, hours }: { serviceId: number; hours: Hours }) {
  const [rows, setRows] = useState<Row[]>(() => toRows(hours.weekly));
  const [dirty, setDirty] = useState(false);
  const [copied, setCopied] = useState('');
  const save = useReplaceHours(serviceId);
  // The rows as last sent: the API's "#2 …" errors count in that order.
  const sent = useRef<Row[]>([]);

  // Follow the server's week unless the vendor is in the middle of changing it.
  useEffect(() => {
    if (!dirty) setRows(toRows(hours.weekly));
  }, [hours.weekly, dirty]);

  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
    if (save.isSuccess) save.reset();
  };
  const update = (key: number, patch: Partial<WeeklyPeriod>) => change(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = (weekday: number) => {
    // After the day's last period (two hours long), or a plain 09:00–17:00.
    const last = rows.filter((r) => r.weekday === weekday).at(-1);
    const opens = last ? last.closes : '09:00';
    const closes = last ? `${String((Number(opens.slice(0, 2)) + 2) % 24).padStart(2, '0')}${opens.slice(2)}` : '17:00';
    change([...rows, { key: nextKey++, weekday, opens, closes }]);
  };

  /** Monday's periods replace those of Tuesday to Friday (saved with the rest of the week). */
  const copyToWeekdays = () => {
    const monday = rows.filter((r) => r.weekday === 0);
    const copies = [1, 2, 3, 4].flatMap((weekday) => monday.map((p) => ({ key: nextKey++, weekday, opens: p.opens, closes: p.closes })));
    change([...rows.filter((r) => r.weekday === 0 || r.weekday > 4), ...copies]);
    setCopied(`Monday's hours copied to Tuesday to Friday. Save weekly hours to keep them.`);
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // Days in order, so the API's numbering matches what the vendor sees.
    const ordered = [...rows].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
    sent.current = ordered;
    save.mutate(
      ordered.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
      { onSuccess: () => setDirty(false) },
    );
  }

  const { byIndex, general } = splitPeriodErrors(fieldErrors(save.error, 'weekly'));
  const errorsOf = (row: Row) => byIndex.get(sent.current.findIndex((r) => r.key === row.key)) ?? [];

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">Weekly hours</h2>
      <p className="muted small">
        Times are campus time ({hours.time_zone}). A period that closes at or before it opens runs past midnight into the next day. With no
        hours at all, the service is open whenever it is available.
      </p>
      <FormErrors error={save.error} fields={['weekly']} />
      {general.map((m) => (
        <p className="field-error" key={m} role="alert">
          {m}
        </p>
      ))}
      <p className="sr-only" role="status">
        {copied}
      </p>
      <ul className="week">
        {WEEKDAYS.map((day, weekday) => {
          const periods = rows.filter((r) => r.weekday === weekday);
          return (
            <li key={day} className="week-day">
              <div className="week-day-head">
                <h3>{day}</h3>
                {periods.length === 0 && <span className="muted small">Closed</span>}
                <button type="button" className="btn btn-secondary btn-small week-day-add" onClick={() => add(weekday)}>
                  Add hours<span className="sr-only"> on {day}</span>
                </button>
              </div>
              {periods.length > 0 && (
                <ul className="week-periods">
                  {periods.map((p, i) => {
                    const name = `${day}, period ${i + 1}`;
                    const errors = errorsOf(p);
                    return (
                      <li key={p.key} className={`period${errors.length ? ' field-invalid' : ''}`}>
                        <div className="period-times">
                          <div className="period-field">
                            <label htmlFor={`opens-${p.key}`}>
                              <span className="sr-only">{name}, </span>Opens
                            </label>
                            <input id={`opens-${p.key}`} type="time" required value={p.opens} onChange={(e) => update(p.key, { opens: e.target.value })} />
                          </div>
                          <span className="period-dash" aria-hidden="true">
                            –
                          </span>
                          <div className="period-field">
                            <label htmlFor={`closes-${p.key}`}>
                              <span className="sr-only">{name}, </span>Closes
                            </label>
                            <input id={`closes-${p.key}`} type="time" required value={p.closes} onChange={(e) => update(p.key, { closes: e.target.value })} />
                          </div>
                          <button type="button" className="btn btn-link period-remove" onClick={() => change(rows.filter((r) => r.key !== p.key))} aria-label={`Remove ${name}`}>
                            <span className="period-remove-word">Remove</span>
                            <span className="period-remove-cross" aria-hidden="true">
                              ×
                            </span>
                          </button>
                        </div>
                        {p.opens && p.closes && p.opens !== p.closes && pastMidnight(p) && (
                          <p className="period-note">
                            Past midnight: closes {WEEKDAYS[(weekday + 1) % 7]} {wallTime(p.closes)}
                          </p>
                        )}
                        {errors.map((m) => (
                          <p className="field-error" key={m}>
                            {m}
                          </p>
                        ))}
                      </li>
                    );
                  })}
                </ul>
              )}
              {weekday === 0 && periods.length > 0 && (
                <button type="button" className="btn btn-secondary btn-small week-copy" onClick={copyToWeekdays}>
                  Copy to weekdays<span className="sr-only">: Monday&rsquo;s hours to Tuesday to Friday</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <div className="btn-row">
        <button type="submit" className="btn" disabled={save.isPending || !dirty}>
          {save.isPending ? 'Saving…' : 'Save weekly hours'}
        </button>
        {dirty && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setDirty(false);
              setRows(toRows(hours.weekly));
              save.reset();
            }}
          >
            Undo changes
          </button>
        )}
      </div>
      {save.isSuccess && !dirty && <Notice tone="success">Weekly hours saved.</Notice>}
    </form>
  );
}
