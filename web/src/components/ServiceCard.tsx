import { Link } from 'react-router';
import type { MatchedItem, ServiceListRow } from '../api/types';
import { availabilityLabel, effectiveStatus } from '../availability';
import { label, money } from '../format';
import { Rating } from './Badges';
import { OpenState } from './OpenState';
import { ResponsiveImage } from './ResponsiveImage';

/**
 * A photo-led catalogue card: the picture on top (a tinted placeholder with the
 * category's initial when there is none), the name (wrapping), the vendor with
 * a link to their page, what a search matched on its menu, rating and
 * starting price. The whole card opens the service; the vendor link sits
 * above that. On a phone it is a compact row (a small picture beside the
 * text, no type chips), so a screen holds several.
 */
export function ServiceCard({ service: s, showVendor = true, orderedBefore = false }: { service: ServiceListRow; showVendor?: boolean; orderedBefore?: boolean }) {
  const status = effectiveStatus(s);
  return (
    <article className="service-card card">
      <div className={`service-thumb thumb-${s.category}`}>
        {s.images ? (
          <ResponsiveImage
            src={s.images}
            variants={s.image_variants}
            sizes="(min-width: 641px) 320px, 96px"
            loading="lazy"
            decoding="async"
            width={480}
            height={270}
          />
        ) : (
          <span className="thumb-placeholder" aria-hidden="true">
            <span className="thumb-initial">{label(s.category).charAt(0)}</span>
            <span className="thumb-label">{label(s.category)}</span>
          </span>
        )}
        {status !== 'available' && <span className="thumb-flag">{availabilityLabel(status)}</span>}
      </div>
      <div className="service-card-body">
        <h2 className="service-card-title">
          <Link to={`/services/${s.id}`}>{s.service_name}</Link>
        </h2>
        {showVendor && s.vendor_name && (
          <p className="card-vendor">
            by <Link to={`/vendors/${s.vendor}`}>{s.vendor_name}</Link>
          </p>
        )}
        {s.matched_items && s.matched_items.length > 0 && <MatchedItems items={s.matched_items} />}
        <div className="service-card-status">
          <p className="chips service-card-chips">
            {orderedBefore && <span className="chip chip-ok">Ordered before</span>}
            <span className="chip">{label(s.category)}</span>
            <span className="chip">{label(s.service_type)}</span>
          </p>
          <OpenState service={s} />
        </div>
        <div className="service-card-foot">
          <Rating value={s.rating} count={s.total_ratings} />
          {s.from_price && <span className="price">from {money(s.from_price)}</span>}
        </div>
      </div>
    </article>
  );
}

/** Shown at most; more matches are counted, so a card stays short on a phone. */
const MATCHES_SHOWN = 3;

/** "Croissant · GHS 1.80": the menu items a search found, one line each. */
function MatchedItems({ items }: { items: MatchedItem[] }) {
  const more = items.length - MATCHES_SHOWN;
  return (
    <ul className="card-matches" aria-label="Matching items">
      {items.slice(0, MATCHES_SHOWN).map((item) => (
        <li key={item.id}>
          <span className="card-match-name">{item.name}</span>
          <span aria-hidden="true"> · </span>
          <span className="price">{money(item.price)}</span>
        </li>
      ))}
      {more > 0 && <li className="card-matches-more">and {more} more</li>}
    </ul>
  );
}
