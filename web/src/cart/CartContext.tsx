import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CheckoutAttempt } from '../api/idempotency';
import { useAuth } from '../auth/AuthContext';
import { addItem, itemCount, setQuantity as setLineQuantity, type AddOutcome, type Cart, type CartItem, type QuantityOutcome } from './cartModel';

export type { Cart, CartLine } from './cartModel';

interface CartValue {
  cart: Cart | null;
  count: number;
  /** Adds one of `item`; says why not when the cart holds another service or the item is at the limit. */
  add: (service: { id: number; name: string }, item: CartItem) => AddOutcome;
  /** `line`: a line's lineKey, or the id of an item without options. */
  setQuantity: (line: number | string, quantity: number) => QuantityOutcome;
  remove: (line: number | string) => void;
  clear: () => void;
  /** Replaces the cart with one for `service` (the cart holds one service at a time). */
  startOver: (service: { id: number; name: string }) => void;
  /** The Idempotency-Key holder for checking out this cart. */
  checkout: CheckoutAttempt;
  persistCheckout: () => void;
}

const STORAGE_KEY = 'cart';
const CHECKOUT_KEY = 'checkoutAttempt';
const OWNER_KEY = 'cartOwner';
const CartContext = createContext<CartValue | null>(null);

function load<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function save(key: string, value: unknown) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode without storage: the cart still works for this page view.
  }
}

export function CartProvider({ children }: { children: ReactNode }) {
  const { user, expired } = useAuth();
  const [cart, setCart] = useState<Cart | null>(() => load<Cart>(STORAGE_KEY));
  // The latest cart, for callers that need an answer before React re-renders.
  const current = useRef(cart);
  // Kept across reloads so a retry after a lost response reuses the key.
  const checkoutRef = useRef(new CheckoutAttempt(undefined, load(CHECKOUT_KEY)));

  const commit = useCallback((next: Cart | null) => {
    current.current = next;
    setCart(next);
  }, []);

  useEffect(() => save(STORAGE_KEY, cart && cart.lines.length ? cart : null), [cart]);

  const clear = useCallback(() => {
    commit(null);
    checkoutRef.current.complete();
    save(CHECKOUT_KEY, null);
  }, [commit]);

  // On a shared device the next person must not inherit the cart: it goes when
  // its owner logs out or another account signs in. A guest's cart is kept when
  // they log in, so they can check it out. A session that ends by itself (tokens
  // expired) is no log out: the cart waits for its owner to log in again, across
  // reloads, so its owner is stored beside it.
  const owner = useRef<number | null>(load<number>(OWNER_KEY) ?? user?.id ?? null);
  const previousUser = useRef<number | null>(user?.id ?? null);
  useEffect(() => {
    const next = user?.id ?? null;
    const previous = previousUser.current;
    previousUser.current = next;
    if (next === null) {
      if (previous !== null && !expired) {
        clear();
        owner.current = null;
        save(OWNER_KEY, null);
      }
      return;
    }
    if (owner.current !== null && owner.current !== next) clear();
    owner.current = next;
    save(OWNER_KEY, next);
  }, [user?.id, expired, clear]);

  const persistCheckout = useCallback(() => save(CHECKOUT_KEY, checkoutRef.current.snapshot()), []);

  const value = useMemo<CartValue>(
    () => ({
      cart,
      count: itemCount(cart),
      add: (service, item) => {
        const result = addItem(current.current, service, item);
        if (result.outcome === 'added') commit(result.cart);
        return result.outcome;
      },
      setQuantity: (line, quantity) => {
        const result = setLineQuantity(current.current, line, quantity);
        commit(result.cart);
        return result.outcome;
      },
      remove: (line) => commit(setLineQuantity(current.current, line, 0).cart),
      clear,
      startOver: (service) => commit({ serviceId: service.id, serviceName: service.name, lines: [] }),
      checkout: checkoutRef.current,
      persistCheckout,
    }),
    [cart, commit, clear, persistCheckout],
  );

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useCart must be used inside <CartProvider>');
  return ctx;
}
