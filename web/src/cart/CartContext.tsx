import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CheckoutAttempt } from '../api/idempotency';

export interface CartLine {
  itemId: number;
  name: string;
  price: string;
  quantity: number;
}

export interface Cart {
  serviceId: number;
  serviceName: string;
  lines: CartLine[];
}

interface CartValue {
  cart: Cart | null;
  count: number;
  /** Adds one of `item`; refuses (returns false) when the cart holds another service. */
  add: (service: { id: number; name: string }, item: { id: number; name: string; price: string }) => boolean;
  setQuantity: (itemId: number, quantity: number) => void;
  remove: (itemId: number) => void;
  clear: () => void;
  /** Replaces the cart with one for `service` (the cart holds one service at a time). */
  startOver: (service: { id: number; name: string }) => void;
  /** The Idempotency-Key holder for checking out this cart. */
  checkout: CheckoutAttempt;
  persistCheckout: () => void;
}

const STORAGE_KEY = 'cart';
const CHECKOUT_KEY = 'checkoutAttempt';
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
  const [cart, setCart] = useState<Cart | null>(() => load<Cart>(STORAGE_KEY));
  // Kept across reloads so a retry after a lost response reuses the key.
  const checkoutRef = useRef(new CheckoutAttempt(undefined, load(CHECKOUT_KEY)));

  useEffect(() => save(STORAGE_KEY, cart && cart.lines.length ? cart : null), [cart]);

  const persistCheckout = useCallback(() => save(CHECKOUT_KEY, checkoutRef.current.snapshot()), []);

  const add: CartValue['add'] = useCallback(
    (service, item) => {
      if (cart && cart.lines.length && cart.serviceId !== service.id) return false;
      setCart((prev) => {
        const base: Cart = prev && prev.serviceId === service.id ? prev : { serviceId: service.id, serviceName: service.name, lines: [] };
        const existing = base.lines.find((l) => l.itemId === item.id);
        const lines = existing
          ? base.lines.map((l) => (l.itemId === item.id ? { ...l, quantity: Math.min(100, l.quantity + 1) } : l))
          : [...base.lines, { itemId: item.id, name: item.name, price: item.price, quantity: 1 }];
        return { ...base, lines };
      });
      return true;
    },
    [cart],
  );

  const value = useMemo<CartValue>(
    () => ({
      cart,
      count: cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0,
      add,
      setQuantity: (itemId, quantity) =>
        setCart((prev) =>
          prev ? { ...prev, lines: prev.lines.map((l) => (l.itemId === itemId ? { ...l, quantity: Math.max(1, Math.min(100, quantity)) } : l)) } : prev,
        ),
      remove: (itemId) => setCart((prev) => (prev ? { ...prev, lines: prev.lines.filter((l) => l.itemId !== itemId) } : prev)),
      clear: () => {
        setCart(null);
        checkoutRef.current.complete();
        save(CHECKOUT_KEY, null);
      },
      startOver: (service) => setCart({ serviceId: service.id, serviceName: service.name, lines: [] }),
      checkout: checkoutRef.current,
      persistCheckout,
    }),
    [cart, add, persistCheckout],
  );

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartValue {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useCart must be used inside <CartProvider>');
  return ctx;
}
