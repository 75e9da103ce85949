import { Link, useLocation } from 'react-router';
import { useCart } from '../cart/CartContext';
import { money, sumMoney } from '../format';

/**
 * The cart, always in reach on a phone: pinned to the bottom of the screen
 * with the count and the total on every page but the cart itself. It pulses
 * when something is added (keyed by the count), so "Add" has visible feedback.
 */
export function CartBar() {
  const { cart, count } = useCart();
  const { pathname } = useLocation();
  if (!cart || count === 0 || pathname === '/cart') return null;
  return (
    <div className="cart-bar" role="region" aria-label="Your cart">
      <p className="cart-bar-text" key={count}>
        <span className="cart-bar-count">
          {count} item{count === 1 ? '' : 's'}
        </span>{' '}
        · <span className="cart-bar-total">{money(sumMoney(cart.lines))}</span>
        <span className="cart-bar-service"> from {cart.serviceName}</span>
      </p>
      <Link className="btn" to="/cart">
        View cart
      </Link>
    </div>
  );
}
