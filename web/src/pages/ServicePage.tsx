import { VendorVerifiedBadge } from '../components/trust/VerifiedBadge';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/errors';
import { parseId } from '../api/queryKeys';
import { useAuth } from '../auth/AuthContext';
import { availabilityLabel, effectiveStatus } from '../availability';
import { Rating } from '../components/Badges';
import { Notice } from '../components/Notice';
import { OpenState } from '../components/OpenState';
import { Empty, LoadError, Missing, Spinner } from '../components/QueryState';
import { label, money } from '../format';
import { useService } from '../hooks/services';
import { BookingPanel } from './service/BookingPanel';
import { ItemList } from './service/ItemList';
import { Reviews } from './service/Reviews';
import { ResponsiveImage } from '../components/ResponsiveImage';

export function ServicePage() {
  const id = parseId(useParams().id);
  const { user } = useAuth();
  const service = useService(id);

  if (id === null || (service.isError && isApiError(service.error) && service.error.kind === 'not_found')) {
    return (
      <Missing title="Service not found" back={{ to: '/', label: 'Browse all services' }}>
        There is no service {id === null ? 'at this address' : `number ${id}`} in the catalogue. Its vendor may have removed it, or the link may be mistyped.
      </Missing>
    );
  }
  if (service.isPending) return <section className="page"><Spinner label="Loading service…" /></section>;
  if (service.isError) {
    return (
      <section className="page narrow">
        <h1>Service</h1>
        <LoadError error={service.error} onRetry={() => void service.refetch()} />
      </section>
    );
  }

  const s = service.data;
  const vendor = s.vendor_name;
  const status = effectiveStatus(s);
  const canOrder = s.supports_ordering && !!s.is_available;

  return (
    <section className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">All services</Link> <span aria-hidden="true">/</span> <span>{s.service_name}</span>
      </nav>
      <div className="service-hero card">
        <div className="service-hero-img">
          {s.images ? <ResponsiveImage src={s.images} variants={s.image_variants} alt={`${s.service_name}`} loading="eager" sizes="(min-width: 1024px) 960px, 100vw" /> : <span aria-hidden="true">{label(s.category).charAt(0)}</span>}
        </div>
        <div className="service-hero-body">
          <h1 className="service-title">{s.service_name}</h1>
          {vendor && (
            <p className="vendor-line">
              by <Link to={`/vendors/${s.vendor}`}>{vendor}</Link> <VendorVerifiedBadge vendorId={s.vendor} />
            </p>
          )}
          <p className="chips">
            <span className="chip">{label(s.category)}</span>
            <span className="chip">{label(s.service_type)}</span>
            {/* "Open" is said once, by the open state below (which knows about pauses and hours). */}
            {status !== 'available' && <span className="chip chip-warn">{availabilityLabel(status)}</span>}
          </p>
          <OpenState service={s} detailed />
          <Rating value={s.rating} count={s.total_ratings} />
          <p className="description">{s.description}</p>
          <dl className="facts">
            {s.from_price && (
              <>
                <dt>Price</dt>
                <dd>
                  from {money(s.from_price)}
                  {s.has_flexible_pricing && ' (flexible)'}
                </dd>
              </>
            )}
            {s.location && (
              <>
                <dt>Where</dt>
                <dd>{s.location}</dd>
              </>
            )}
            {s.contact_info && (
              <>
                <dt>Contact</dt>
                <dd>{s.contact_info}</dd>
              </>
            )}
          </dl>
        </div>
      </div>

      <div className="service-columns">
        {s.service_type === 'booking' ? (
          <BookingPanel service={s} />
        ) : (
        <section aria-labelledby="items-heading" className="card">
          <h2 id="items-heading">Items and prices</h2>
          {canOrder && status === 'busy' && (
            <Notice tone="warning" title="Busy right now">
              <p>The vendor is taking orders, but expect a longer wait than usual.</p>
            </Notice>
          )}
          {!canOrder && (
            <Notice tone="info">
              {s.supports_ordering
                ? `This service is ${status === 'closed' ? 'closed' : 'not taking orders right now'}.`
                : `This is a ${label(s.service_type).toLowerCase()} service: it does not take orders online.`}
            </Notice>
          )}
          {s.items.length === 0 ? (
            <Empty title="No items listed yet" />
          ) : (
            <ItemList service={s} items={s.items} canOrder={canOrder} isStudent={!user || user.user_type === 'student'} />
          )}
        </section>
        )}
        <Reviews service={s} />
      </div>
    </section>
  );
}
