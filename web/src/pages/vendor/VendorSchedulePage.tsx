import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { parseId } from '../../api/queryKeys';
import { useAuth } from '../../auth/AuthContext';
import { OpenState } from '../../components/OpenState';
import { LoadError, Missing, Spinner } from '../../components/QueryState';
import { useHours } from '../../hooks/schedule';
import { useService } from '../../hooks/services';
import { ClosuresEditor } from './schedule/ClosuresEditor';
import { PauseControl } from './schedule/PauseControl';
import { WeeklyHoursEditor } from './schedule/WeeklyHoursEditor';

/** A vendor's calendar for one service: weekly hours, closures, and a pause for a rush. */
export function VendorSchedulePage() {
  const id = parseId(useParams().id);
  const { user } = useAuth();
  const service = useService(id);
  const hours = useHours(id);

  const notFound = (e: unknown) => isApiError(e) && e.kind === 'not_found';
  if (id === null || notFound(service.error) || (service.data && user && service.data.vendor !== user.id)) {
    return (
      <Missing title="Service not found" back={{ to: '/vendor/services', label: 'Back to my services' }}>
        There is no service of yours {id === null ? 'at this address' : `with number ${id}`}.
      </Missing>
    );
  }
  const failed = service.error ?? hours.error;
  if (failed) {
    return (
      <section className="page narrow">
        <h1>Opening hours</h1>
        <LoadError error={failed} onRetry={() => void Promise.all([service.refetch(), hours.refetch()])} />
      </section>
    );
  }
  if (!service.data || !hours.data) {
    return (
      <section className="page narrow">
        <Spinner label="Loading opening hours…" />
      </section>
    );
  }
  const s = service.data;
  return (
    <section className="page narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/vendor/services">My services</Link> <span aria-hidden="true">/</span> <Link to={`/vendor/services/${s.id}`}>{s.service_name}</Link>{' '}
        <span aria-hidden="true">/</span> <span>Opening hours</span>
      </nav>
      <h1>Opening hours</h1>
      <div className="card">
        <p className="small muted">Students see now:</p>
        <OpenState service={s} detailed />
        {!s.is_available && <p className="small">This service is switched off (not taking orders), so it shows as unavailable whatever its hours.</p>}
      </div>
      <PauseControl serviceId={s.id} hours={hours.data} />
      <WeeklyHoursEditor serviceId={s.id} hours={hours.data} />
      <ClosuresEditor serviceId={s.id} hours={hours.data} />
    </section>
  );
}
