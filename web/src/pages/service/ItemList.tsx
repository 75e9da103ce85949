import { useState } from 'react';
import type { Service, ServiceItem } from '../../api/types';
import { useCart } from '../../cart/CartContext';
import { quantityOf } from '../../cart/cartModel';
import { Notice } from '../../components/Notice';
import { QuantityStepper } from '../../components/QuantityStepper';
import { MAX_QUANTITY } from '../../config';
import { money } from '../../format';
import { ResponsiveImage } from '../../components/ResponsiveImage';
import { OptionSheet, type Chosen } from '../../options/OptionSheet';
import { StockNote, soldOut } from '../../options/StockNote';

/**
 * The service's items with Add, which becomes − n + once the item is in the
 * cart, so what was added stays visible on the row itself.
 */
export function ItemList({ service, items, canOrder, isStudent }: { service: Service; items: ServiceItem[]; canOrder: boolean; isStudent: boolean }) {
  const cart = useCart();
  const [conflict, setConflict] = useState<ServiceItem | null>(null);
  const [announce, setAnnounce] = useState('');
  const [justAdded, setJustAdded] = useState<number | null>(null);
  const [choosing, setChoosing] = useState<ServiceItem | null>(null);
  const svc = { id: service.id, name: service.service_name };
  const inThisCart = cart.cart?.serviceId === service.id;

  // "✓ Added" stays beside the item last added until another is: a state
  // that is there until something changes, not for a moment.

  function add(item: ServiceItem, chosen?: Chosen) {
    const outcome = cart.add(svc, chosen ? { id: item.id, name: item.name, ...chosen } : item);
    if (outcome === 'other-service') {
      setConflict(item);
      return;
    }
    setConflict(null);
    if (outcome === 'added') {
      setJustAdded(item.id);
      setAnnounce(`${item.name} added to your cart.`);
    } else {
      setAnnounce(`You already have the most (${MAX_QUANTITY}) of ${item.name}.`);
    }
  }

  return (
    <>
      {conflict && (
        <Notice tone="warning" title="Your cart holds another service">
          <p>A cart can hold items from one service at a time. Your cart has items from {cart.cart?.serviceName}.</p>
          <p className="notice-actions">
            <button
              type="button"
              className="btn"
              onClick={() => {
                cart.startOver(svc);
                cart.add(svc, conflict);
                setJustAdded(conflict.id);
                setAnnounce(`Started a new cart with ${conflict.name}.`);
                setConflict(null);
              }}
            >
              Start a new cart
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setConflict(null)}>
              Keep my cart
            </button>
          </p>
        </Notice>
      )}
      <p className="sr-only" role="status">
        {announce}
      </p>
      <ul className="item-list">
        {items.map((item) => {
          const qty = inThisCart ? quantityOf(cart.cart, item.id) : 0;
          const orderable = canOrder && isStudent && item.is_available && !soldOut(item);
          const hasOptions = (item.option_groups?.length ?? 0) > 0;
          return (
            <li key={item.id} className={`item-row${item.is_available ? '' : ' item-off'}${justAdded === item.id ? ' item-added' : ''}`}>
              {item.image && <ResponsiveImage src={item.image} variants={item.image_variants} className="item-thumb" sizes="160px" />}
              <div className="item-main">
                <h3 className="item-name">{item.name}</h3>
                {item.description && <p className="muted">{item.description}</p>}
              </div>
              <div className="item-side">
                <span className="price">{money(item.price)}</span>
                <StockNote item={item} />
                {orderable && hasOptions ? (
                  <>
                    {qty > 0 && <span className="muted small">{qty} in cart</span>}
                    <button type="button" className="btn btn-small" onClick={() => setChoosing(item)} aria-label={`Choose options for ${item.name}`}>
                      {qty > 0 ? 'Add another' : 'Add'}
                    </button>
                  </>
                ) : orderable && qty > 0 ? (
                  <>
                    <QuantityStepper name={item.name} quantity={qty} onChange={(n) => cart.setQuantity(item.id, n)} focusOnMount={justAdded === item.id} />
                    {justAdded === item.id && (
                      <span className="added-flag" aria-hidden="true">
                        ✓ Added
                      </span>
                    )}
                  </>
                ) : orderable ? (
                  <button type="button" className="btn btn-small" onClick={() => add(item)} aria-label={`Add ${item.name} to cart`}>
                    Add
                  </button>
                ) : (
                  !item.is_available && !soldOut(item) && <span className="muted">Sold out</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {choosing && (
        <OptionSheet
          item={choosing}
          onClose={() => setChoosing(null)}
          onAdd={(chosen) => {
            add(choosing, chosen);
            setChoosing(null);
          }}
        />
      )}
    </>
  );
}
