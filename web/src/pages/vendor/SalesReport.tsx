import { useState, type FormEvent } from 'react';
import type { ReportRange } from '../../api/endpoints';
import type { ItemSales, OrderDay, OrderSummary } from '../../api/types';
import { TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { LoadError, Spinner } from '../../components/QueryState';
import { formatDay, formatDayMonth, money } from '../../format';
import { useExportCsv, useOrderReport } from '../../hooks/reports';
import { barScale, totalsOf, type Totals } from '../../vendor/reports';

/** A report date: "9 Dec" on the axis, "Wed 9 Dec 2026" where it stands alone. */
function dayLabel(date: string, style: 'short' | 'long' = 'short'): string {
  return style === 'long' ? `${formatDay(date)} ${date.slice(0, 4)}` : formatDayMonth(date);
}

/** Revenue by day as bars; each bar's figures are read out, and the axis runs to a round number. */
export function SalesChart({ days }: { days: readonly OrderDay[] }) {
  const revenue = days.map((d) => Number(d.revenue));
  const { max, heights } = barScale(revenue);
  const total = totalsOf(days, days.length);
  const ticks = days.length > 1 ? [days[0], days[Math.floor((days.length - 1) / 2)], days[days.length - 1]] : days;
  return (
    <figure className="sales-chart">
      <figcaption>
        Revenue from completed orders by day: {money(total.revenue)} from {total.completed} completed of {total.orders} orders.
      </figcaption>
      <div className="chart-area">
        <span className="chart-max" aria-hidden="true">
          {money(max.toFixed(2))}
        </span>
        <ul className="bars" aria-label="Revenue by day">
          {days.map((d, i) => (
            <li key={d.date} className="bar-slot" title={`${dayLabel(d.date)}: ${money(d.revenue)}`}>
              <span className="bar" style={{ height: `${heights[i]}%` }} aria-hidden="true" />
              <span className="sr-only">
                {dayLabel(d.date, 'long')}: {money(d.revenue)}, {d.orders} order{d.orders === 1 ? '' : 's'}, {d.completed} completed
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="chart-ticks" aria-hidden="true">
        {ticks.map((d) => (
          <span key={d.date}>{dayLabel(d.date)}</span>
        ))}
      </div>
    </figure>
  );
}

/** Money by how it was paid (the CSV's payment columns sum to these): online, at pickup, refunded. */
export function PaymentFigures({ totals }: { totals: Pick<Totals, 'paidOnline' | 'paidAtPickup' | 'refunded'> }) {
  return (
    <dl className="payment-figures">
      <div>
        <dt>Paid online</dt>
        <dd>{money(totals.paidOnline)}</dd>
      </div>
      <div>
        <dt>Paid at pickup</dt>
        <dd>{money(totals.paidAtPickup)}</dd>
      </div>
      <div>
        <dt>Refunded</dt>
        <dd>{money(totals.refunded)}</dd>
      </div>
    </dl>
  );
}

/** What sold in the range, best seller first: units and takings per item. */
export function ItemSalesTable({ rows }: { rows: readonly ItemSales[] }) {
  return (
    <div className="item-sales">
      <h3>Sales by item</h3>
      {rows.length === 0 ? (
        <p className="muted">No completed orders in these dates.</p>
      ) : (
        <table className="cart-table">
          <caption className="sr-only">Items sold in completed orders, highest takings first</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Sold
              </th>
              <th scope="col" className="num">
                Takings
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.item}>
                <th scope="row">{r.name}</th>
                <td className="num">{r.quantity}</td>
                <td className="num">{money(r.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The sales chart and CSV download for any range of local dates (default: the summary's last 30 days). */
export function SalesReport({ initial }: { initial: ReportRange }) {
  const [draft, setDraft] = useState<ReportRange>(initial);
  const [range, setRange] = useState<ReportRange>(initial);
  const [invalid, setInvalid] = useState(false);
  const report = useOrderReport(range);
  const csv = useExportCsv();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    csv.reset();
    setRange(draft);
  };

  return (
    <section className="card" aria-labelledby="sales-heading">
      <h2 id="sales-heading">Sales by day</h2>
      <form className="range-form" onSubmit={onSubmit} noValidate aria-label="Report dates">
        <TextField label="From" name="from" type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} errors={fieldErrors(report.error, 'from')} />
        <TextField label="To" name="to" type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} errors={fieldErrors(report.error, 'to')} />
        <button type="submit" className="btn btn-secondary">
          Show
        </button>
      </form>
      {invalid && <Notice tone="error">Choose a “From” date on or before the “To” date.</Notice>}
      {report.isPending ? (
        <Spinner label="Loading sales…" />
      ) : report.isError ? (
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <SalesChart days={report.data.by_day} />
          <section className="range-payments" aria-labelledby="range-payments-heading">
            <h3 id="range-payments-heading">Payments</h3>
            <PaymentFigures totals={totalsOf(report.data.by_day, report.data.by_day.length)} />
          </section>
          <ItemSalesTable rows={(report.data as OrderSummary).by_item ?? []} />
        </>
      )}
      <div className="csv-row">
        <button type="button" className="btn" disabled={csv.isPending} onClick={() => csv.mutate(range)}>
          {csv.isPending ? 'Preparing CSV…' : 'Download CSV'}
        </button>
        <span className="muted small">
          Every order line from {dayLabel(range.from, 'long')} to {dayLabel(range.to, 'long')}.
        </span>
      </div>
      <FormErrors error={csv.error} fields={['from', 'to']} />
      {csv.isSuccess && <Notice tone="success">Downloaded {csv.data}.</Notice>}
    </section>
  );
}
