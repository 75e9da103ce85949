import { Link, useParams } from 'react-router';
import { parseId } from '../api/queryKeys';
import { Empty, LoadError, Missing, Spinner } from '../components/QueryState';
import { ServiceCard } from '../components/ServiceCard';
import { dateTime } from '../format';
import { useVendorProfile, useVendorServices } from '../hooks/vendorPublic';
import { ResponsiveImage } from '../components/ResponsiveImage';

/** A vendor's public page: who they are, where and when to find them, and all their services. */
export function VendorPage() {
  const id = parseId(useParams().id);
  const profile = useVendorProfile(id);
  const services = useVendorServices(id);

  if (id === null) return <VendorMissing />;
  if (profile.isPending || services.isPending) return <section className="page"><Spinner label="Loading vendor…" /></section>;
  if (profile.isError || services.isError) {
    return (
      <section className="page narrow">
        <h1>Vendor</h1>
        <LoadError error={profile.error ?? services.error} onRetry={() => void (profile.refetch(), services.refetch())} />
      </section>
    );
  }
  const p = profile.data;
  const list = services.data.results.filter((s) => s.vendor === id);
  if (!p && list.length === 0) return <VendorMissing />;
  const name = p?.business_name || list[0]?.vendor_name || `Vendor ${id}`;
  const openNow = list.filter((s) => s.open_now);
  const nextOpening = list
    .map((s) => s.next_opening)
    .filter((t): t is string => !!t)
    .sort()[0];

  return (
    <section className="page vendor-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">All services</Link> <span aria-hidden="true">/</span> <span>{name}</span>
      </nav>
      <header className="vendor-hero card">
        <div className="vendor-logo">
          {p?.logo ? <ResponsiveImage src={p.logo} variants={p.logo_variants} sizes="96px" alt={`${name} logo`} width={96} height={96} /> : <span aria-hidden="true">{name.charAt(0).toUpperCase()}</span>}
        </div>
        <div className="vendor-hero-body">
          <h1 className="vendor-title">{name}</h1>
          <p className="chips">
            {p?.is_verified && <span className="chip chip-ok">Verified vendor</span>}
            {list.length > 0 && (
              <span className={`chip ${openNow.length ? 'chip-ok' : 'chip-warn'}`}>
                {openNow.length ? 'Open now' : nextOpening ? `Closed · opens ${dateTime(nextOpening)}` : 'Closed now'}
              </span>
            )}
          </p>
          {p?.description && <p className="description">{p.description}</p>}
          {p && (
            <dl className="facts">
              {p.address && (
                <>
                  <dt>Address</dt>
                  <dd>{p.address}</dd>
                </>
              )}
              {p.business_hours && (
                <>
                  <dt>Hours</dt>
                  <dd>{p.business_hours}</dd>
                </>
              )}
              {p.phone && (
                <>
                  <dt>Phone</dt>
                  <dd>
                    <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>
                  </dd>
                </>
              )}
              {p.email && (
                <>
                  <dt>Email</dt>
                  <dd>
                    <a href={`mailto:${p.email}`}>{p.email}</a>
                  </dd>
                </>
              )}
              {p.website && /^https?:\/\//i.test(p.website) && (
                <>
                  <dt>Website</dt>
                  <dd>
                    <a href={p.website} rel="noopener noreferrer" target="_blank">
                      {p.website.replace(/^https?:\/\//i, '')}
                    </a>
                  </dd>
                </>
              )}
            </dl>
          )}
        </div>
      </header>

      <section aria-labelledby="vendor-services" className="vendor-services">
        <h2 id="vendor-services">
          Services from {name} <span className="muted">({list.length})</span>
        </h2>
        {list.length === 0 ? (
          <Empty title="No services listed right now" />
        ) : (
          <ul className="service-grid">
            {list.map((s) => (
              <li key={s.id}>
                <ServiceCard service={s} showVendor={false} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function VendorMissing() {
  return (
    <Missing title="Vendor not found" back={{ to: '/', label: 'Browse all services' }}>
      There is no vendor at this address. They may have closed their page, or the link may be mistyped.
    </Missing>
  );
}
