import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/errors';
import type { CreateOrderRequest } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useCart } from '../cart/CartContext';
import { lineKey, type CartLine } from '../cart/cartModel';
import { TextArea, TextField } from '../components/Field';
import { FormErrors, fieldErrors } from '../components/FormErrors';
import { Notice } from '../components/Notice';
import { QuantityStepper } from '../components/QuantityStepper';
import { Empty } from '../components/QueryState';
import { money, sumMoney } from '../format';
import { usePlaceOrder } from '../hooks/orders';
import { PickupChooser, type Pickup } from './cart/PickupChooser';
import { useCheckoutPayment } from '../payments/useCheckoutPayment';
import { PaymentChoice } from '../payments/PaymentChoice';

export function CartPage() {
  const { user } = useAuth();
  const cart = useCart();
  const navigate = useNavigate();
  const [instructions, setInstructions] = useState('');
  const [address, setAddress] = useState('');
  const [pickup, setPickup] = useState<Pickup>({ mode: 'asap', at: null });
  const [pickupMissing, setPickupMissing] = useState(false);
  // Guards against a second submit before React re-renders the disabled button.
  const submitting = useRef(false);

  const order = usePlaceOrder();
  const payment = useCheckoutPayment(cart.cart?.serviceId ?? null);

  if (!cart.cart || cart.cart.lines.length === 0) {
    return (
      <section className="page narrow">
        <h1>Your cart</h1>
        <Empty title="Your cart is empty">
          <p>
            <Link to="/">Browse services</Link> and add items to order.
          </p>
        </Empty>
      </section>
    );
  }

  const c = cart.cart;
  const body: CreateOrderRequest = {
    service: c.serviceId,
    items: c.lines.map((l) => ({ service_item: l.itemId, quantity: l.quantity, ...(l.options?.length && { options: l.options }) })),
    ...(instructions.trim() && { special_instructions: instructions.trim() }),
    ...(address.trim() && { delivery_address: address.trim() }),
    ...(pickup.at && { pickup_at: pickup.at }),
    ...(payment.method && { payment_method: payment.method }),
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (submitting.current || order.isPending) return;
    setPickupMissing(pickup.mode === 'scheduled' && !pickup.at);
    if (pickup.mode === 'scheduled' && !pickup.at) return;
    submitting.current = true;
    // Same cart → same key (retry after a lost response is safe); changed cart → new key.
    const key = cart.checkout.keyFor(body);
    cart.persistCheckout();
    order.mutate(
      { body, key },
      {
        onSuccess: (created) => {
          cart.clear();
          const checkoutUrl = created.payment?.status === 'awaiting_payment' ? created.payment.checkout_url : null;
          if (checkoutUrl) {
            // Online: straight on to the provider's checkout. Back (or the provider's return) lands on the
            // order, whose page checks the payment.
            window.history.replaceState(window.history.state, '', `/orders/${created.id}?placed=1`);
            window.location.assign(checkoutUrl);
            return;
          }
          navigate(`/orders/${created.id}?placed=1`);
        },
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  }

  const err = order.error;
  const networkFailed = isApiError(err) && err.kind === 'network';

  return (
    <section className="page narrow">
      <h1>Your cart</h1>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <p>
          Ordering from <Link to={`/services/${c.serviceId}`}>{c.serviceName}</Link>
        </p>
        {networkFailed ? (
          <Notice tone="error" title="We could not confirm your order">
            <p>The connection dropped before the server answered. Press “Place order” again: it is safe, you will not be charged twice.</p>
          </Notice>
        ) : (
          <FormErrors error={err} fields={['special_instructions', 'delivery_address', 'pickup_at', 'service', 'payment_method']} />
        )}
        <table className="cart-table">
          <caption className="sr-only">Items in your cart</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Qty</th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {c.lines.map((l) => (
              <tr key={lineKey(l)}>
                <th scope="row">
                  {l.name}
                  {l.optionNames && l.optionNames.length > 0 && <span className="line-options muted small block">{l.optionNames.join(' · ')}</span>}
                  <span className="muted small block">{money(l.price)} each</span>
                </th>
                <td>
                  <QuantityStepper name={lineLabel(l)} quantity={l.quantity} onChange={(n) => cart.setQuantity(lineKey(l), n)} />
                </td>
                <td className="num">{money(sumMoney([l]))}</td>
                <td>
                  <button type="button" className="btn btn-link" onClick={() => cart.remove(lineKey(l))} aria-label={`Remove ${lineLabel(l)} from cart`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Estimated total
              </th>
              <td className="num total">{money(sumMoney(c.lines))}</td>
              <td />
            </tr>
          </tfoot>
        </table>
        {fieldErrors(err, 'items').map((m) => (
          <p className="field-error" key={m}>
            {m}
          </p>
        ))}
        <PickupChooser
          serviceId={c.serviceId}
          value={pickup}
          onChange={setPickup}
          errors={[...(pickupMissing && !pickup.at ? ['Choose a pickup time.'] : []), ...fieldErrors(err, 'pickup_at'), ...fieldErrors(err, 'service')]}
        />
        <PaymentChoice methods={payment.methods} value={payment.method} onChange={payment.setMethod} errors={fieldErrors(err, 'payment_method')} />
        <TextField
          label="Delivery address or pickup note (optional)"
          name="delivery_address"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          errors={fieldErrors(err, 'delivery_address')}
          maxLength={500}
        />
        <TextArea
          label="Special instructions (optional)"
          name="special_instructions"
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
          errors={fieldErrors(err, 'special_instructions')}
        />
        <p className="muted small">The vendor confirms the final total; prices are taken when you order.</p>
        {!user ? (
          <Link className="btn btn-block" to={`/login?next=${encodeURIComponent('/cart')}`}>
            Log in to place your order
          </Link>
        ) : user.user_type !== 'student' ? (
          <Notice tone="info">Only student accounts can place orders.</Notice>
        ) : (
          <button type="submit" className="btn btn-block" disabled={order.isPending}>
            {order.isPending ? 'Placing order…' : 'Place order'}
          </button>
        )}
        <button type="button" className="btn btn-link" onClick={() => cart.clear()}>
          Empty cart
        </button>
      </form>
    </section>
  );
}

/** A line's name for its controls: the item, with its options when it has some ("Latte (Size: Large)"). */
function lineLabel(l: CartLine): string {
  return l.optionNames && l.optionNames.length ? `${l.name} (${l.optionNames.join(', ')})` : l.name;
}
