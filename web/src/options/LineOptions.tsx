import type { components } from '../api/schema';
import { money } from '../format';

type LineOption = components['schemas']['OrderLineOption'];

/** An order line's chosen options, as placed: "Size: Large (+GHS 2.00) · Extras: Cheese". */
export function LineOptions({ options }: { options: readonly LineOption[] | undefined }) {
  if (!options || options.length === 0) return null;
  return (
    <span className="line-options muted small block">
      {options.map((o) => `${o.group}: ${o.name}${Number(o.price_delta) > 0 ? ` (+${money(o.price_delta)})` : ''}`).join(' · ')}
    </span>
  );
}
