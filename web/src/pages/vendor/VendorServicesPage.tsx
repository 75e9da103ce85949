import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api';
import { AVAILABILITY_STATUSES, type Service } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { FormErrors } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { Empty, LoadError, Spinner } from '../../components/QueryState';
import { label, money } from '../../format';

const PAGE_SIZE = 20;

export function VendorServicesPage() {
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  // A vendor listing /api/services/ gets their own services.
  const services = useQuery({
    queryKey: ['services', 'mine', user?.id, page],
    queryFn: () => api.services.list({ page, page_size: PAGE_SIZE, ordering: '-created_at' }),
    placeholderData: keepPreviousData,
  });

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
                <div className="vendor-service-thumb">{s.images ? <img src={s.images} alt="" /> : <span aria-hidden="true">{label(s.category).charAt(0)}</span>}</div>
                <div className="vendor-service-main">
                  <h2 className="h-reset h3">
                    <Link to={`/vendor/services/${s.id}`}>{s.service_name}</Link>
                  </h2>
                  <p className="muted small">
                    {label(s.category)} · {label(s.service_type)}
                    {s.base_price && ` · from ${money(s.base_price)}`}
                  </p>
                </div>
                <AvailabilityControls service={s} />
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} count={services.data.count} onPage={setPage} />
        </>
      )}
    </section>
  );
}

/** Open/close a service and set its status, via POST update_availability. */
export function AvailabilityControls({ service: s }: { service: Service }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (body: { is_available?: boolean; availability_status?: string }) => api.services.updateAvailability(s.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['services'] });
      void queryClient.invalidateQueries({ queryKey: ['service', String(s.id)] });
    },
  });
  const statusId = `avail-${s.id}`;
  return (
    <div className="availability">
      <div className="field field-checkbox switch">
        <input
          id={`open-${s.id}`}
          type="checkbox"
          role="switch"
          checked={s.is_available}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ is_available: e.target.checked })}
        />
        <label htmlFor={`open-${s.id}`}>
          Taking orders<span className="sr-only"> for {s.service_name}</span>
        </label>
      </div>
      <div className="field inline-field">
        <label htmlFor={statusId}>
          Status<span className="sr-only"> of {s.service_name}</span>
        </label>
        <select id={statusId} value={s.availability_status} disabled={update.isPending} onChange={(e) => update.mutate({ availability_status: e.target.value })}>
          {AVAILABILITY_STATUSES.map((a) => (
            <option key={a} value={a}>
              {label(a)}
            </option>
          ))}
        </select>
      </div>
      <FormErrors error={update.error} />
    </div>
  );
}
