import { useState } from 'react';
import { Link } from 'react-router';
import { Pagination } from '../../components/Pagination';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { label, money } from '../../format';
import { useServices } from '../../hooks/services';
import { ResponsiveImage } from '../../components/ResponsiveImage';
import { PublishControl } from './PublishControl';

const PAGE_SIZE = 20;

export function VendorServicesPage() {
  const [page, setPage] = useState(1);
  // A vendor listing /api/services/ gets their own services.
  const services = useServices({ page, page_size: PAGE_SIZE, ordering: '-created_at' });

  return (
    <section className="page">
      <div className="page-head row-between">
        <h1>My services</h1>
        <Link className="btn" to="/vendor/services/new">
          Add a service
        </Link>
      </div>
      {services.isPending ? (
        <Spinner label="Loading your services…" />
      ) : services.isError ? (
        <LoadError error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.results.length === 0 ? (
        <Empty title="You have no services yet">
          <p>
            <Link to="/vendor/services/new">Add your first service</Link> so students can find you.
          </p>
        </Empty>
      ) : (
        <>
          <ul className="vendor-service-list">
            {services.data.results.map((s) => (
              <li key={s.id} className="card vendor-service">
                <div className="vendor-service-thumb">{s.images ? <ResponsiveImage src={s.images} variants={s.image_variants} sizes="160px" /> : <span aria-hidden="true">{label(s.category).charAt(0)}</span>}</div>
                <div className="vendor-service-main">
                  <h2 className="h-reset h3">
                    <Link to={`/vendor/services/${s.id}`}>{s.service_name}</Link>
                  </h2>
                  <p className="muted small">
                    {label(s.category)} · {label(s.service_type)}
                    {s.base_price && ` · from ${money(s.base_price)}`}
                  </p>
                  <Link className="small" to={`/vendor/services/${s.id}/schedule`} aria-label={`Opening hours of ${s.service_name}`}>Opening hours</Link>
                </div>
                <PublishControl service={s} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} count={services.data.count} onPage={setPage} />
        </>
      )}
    </section>
  );
}
