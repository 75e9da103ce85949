import { Link } from 'react-router';
import { ORDER_STATUSES, type OrderStatus } from '../../api/types';
import { LoadError, Spinner } from '../../components/QueryState';
import { HiddenProfileNotice } from '../../components/trust/HiddenProfileNotice';
import { money, OPEN_STATUSES, STATUS_LABEL } from '../../format';
import { useOrderSummary } from '../../hooks/orders';
import { useMyVendorProfile } from '../../hooks/vendorProfile';
import { totalsOf } from '../../vendor/reports';
import { GettingStarted } from './GettingStarted';
import { PaymentFigures, SalesReport } from './SalesReport';

const PERIODS = [
  { days: 1, label: 'Today' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
];

export function VendorDashboardPage() {
  const profile = useMyVendorProfile();
  const summary = useOrderSummary();

  const counts: Partial<Record<OrderStatus, number>> = summary.data?.counts ?? {};
  const open = OPEN_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);

  return (
    <section className="page">
      <div className="page-head">
        <h1>{profile.data?.business_name ?? 'Your business'}</h1>
        <p className="lede">How your business is doing: today, this week and this month.</p>
      </div>
      <HiddenProfileNotice profile={profile.data} />
      <GettingStarted />
      {summary.isPending ? (
        <Spinner label="Loading summary…" />
      ) : summary.isError ? (
        <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <>
          <ul className="periods" aria-label="Orders by period">
            {PERIODS.map((p) => {
              const t = totalsOf(summary.data.by_day ?? [], p.days);
              return (
                <li key={p.days} className="card period">
                  <h2 className="period-title">{p.label}</h2>
                  <dl className="period-figures">
                    <div>
                      <dt>Orders</dt>
                      <dd>{t.orders}</dd>
                    </div>
                    <div>
                      <dt>Completed</dt>
                      <dd>{t.completed}</dd>
                    </div>
                    <div>
                      <dt>Revenue</dt>
                      <dd>{money(t.revenue)}</dd>
                    </div>
                  </dl>
                  <PaymentFigures totals={t} />
                </li>
              );
            })}
          </ul>
          <SalesReport initial={{ from: summary.data.from, to: summary.data.to }} />
          <div className="stats">
            <div className="stat card">
              <p className="stat-label">Needs action now</p>
              <p className="stat-value">{open}</p>
              <Link to="/vendor/orders">Open the queue</Link>
            </div>
            <div className="stat card">
              <p className="stat-label">All-time revenue (completed)</p>
              <p className="stat-value">{money(summary.data.revenue ?? '0.00')}</p>
            </div>
            <div className="stat card">
              <p className="stat-label">Completed orders, all time</p>
              <p className="stat-value">{counts.completed ?? 0}</p>
            </div>
          </div>
          <section className="card" aria-labelledby="by-status">
            <h2 id="by-status">All orders by status</h2>
            <dl className="status-counts">
              {ORDER_STATUSES.map((s) => (
                <div key={s}>
                  <dt>{STATUS_LABEL[s]}</dt>
                  <dd>{counts[s] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
      <p className="btn-row">
        <Link className="btn" to="/vendor/services/new">
          Add a service
        </Link>
        <Link className="btn btn-secondary" to="/vendor/services">
          Manage services
        </Link>
      </p>
    </section>
  );
}
