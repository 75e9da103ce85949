import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/AuthContext';
import { useCart } from '../cart/CartContext';
import { CartBar } from './CartBar';
import { ErrorBoundary } from './ErrorBoundary';
import { VerifyEmailBanner } from './trust/VerifyEmailBanner';
import { NotificationBell } from './NotificationBell';
import { VendorAlerts } from './VendorAlerts';

const OWN_SERVICES = { page_size: 100 } as const;

/**
 * What the vendor sells decides their navigation: a food stall gets the order
 * queue and no agenda, a barber the agenda and no queue. Before any service
 * exists (or while loading) both show, so nothing is out of reach.
 */
function useVendorSells(isVendor: boolean): { orders: boolean; bookings: boolean } {
  const services = useQuery({
    queryKey: queryKeys.services.list(OWN_SERVICES),
    queryFn: () => api.services.list(OWN_SERVICES),
    enabled: isVendor,
    staleTime: 60_000,
  });
  const types = new Set((services.data?.results ?? []).map((s) => s.service_type));
  const orders = types.has('ordering');
  const bookings = types.has('booking');
  if (!orders && !bookings) return { orders: true, bookings: true };
  return { orders, bookings };
}

export function Layout() {
  const { user, logout } = useAuth();
  const { count } = useCart();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();

  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On navigation: close the phone menu and move focus to the new page, so
  // keyboard and screen-reader users start reading at its content.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  const isVendor = user?.user_type === 'vendor';
  const sells = useVendorSells(isVendor);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to={isVendor ? '/vendor' : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true">
              CS
            </span>
            <span className="brand-name">Campus Services</span>
          </Link>
          {!isVendor && (
            // On a phone the menu is folded, so the cart and its count stay in the header.
            <Link to="/cart" className="header-cart">
              Cart
              {count > 0 && (
                // "99+" keeps the header on one row on a phone; the exact count is read out.
                <span className="count-pill" key={count}>
                  {count > 99 ? (
                    <>
                      <span aria-hidden="true">99+</span>
                      <span className="sr-only">{count} items</span>
                    </>
                  ) : (
                    <>
                      {count}
                      <span className="sr-only"> item{count === 1 ? '' : 's'}</span>
                    </>
                  )}
                </span>
              )}
            </Link>
          )}
          {user && <NotificationBell />}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="site-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {menuOpen ? 'Close' : 'Menu'}
          </button>
          <nav
            id="site-nav"
            aria-label="Main"
            className={`site-nav${menuOpen ? ' open' : ''}`}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && menuOpen) setMenuOpen(false);
            }}
          >
            <ul>
              <li>
                <NavLink to="/" end>
                  Browse
                </NavLink>
              </li>
              {isVendor ? (
                <>
                  <li>
                    <NavLink to="/vendor" end>
                      Dashboard
                    </NavLink>
                  </li>
                  {sells.orders && (
                    <li>
                      <NavLink to="/vendor/orders">Order queue</NavLink>
                    </li>
                  )}
                  {sells.bookings && (
                    <li>
                      <NavLink to="/vendor/agenda">Agenda</NavLink>
                    </li>
                  )}
                  <li>
                    <NavLink to="/vendor/services">My services</NavLink>
                  </li>
                  <li>
                    <NavLink to="/vendor/profile">Business profile</NavLink>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/cart">
                      Cart
                      {count > 0 && (
                        <span className="count-pill">
                          {count}
                          <span className="sr-only"> item{count === 1 ? '' : 's'}</span>
                        </span>
                      )}
                    </NavLink>
                  </li>
                  {user && (
                    <li>
                      <NavLink to="/orders">My orders</NavLink>
                    </li>
                  )}
                  {user && <li><NavLink to="/bookings">My bookings</NavLink></li>}
                </>
              )}
              {user ? (
                <li className="nav-user">
                  <NavLink to="/account" className="nav-email" title={`Your account (${user.email})`}>
                    {user.first_name || user.email}
                  </NavLink>
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => void logout()}>
                    Log out
                  </button>
                </li>
              ) : (
                <>
                  <li>
                    <NavLink to="/login">Log in</NavLink>
                  </li>
                  <li>
                    <NavLink to="/register" className="nav-cta">
                      Sign up
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </div>
      </header>
      {isVendor && <VendorAlerts />}
      <main id="main" ref={mainRef} tabIndex={-1}>
        <VerifyEmailBanner />
        {/* Keyed by path: a crash on one page does not stick after navigating away. */}
        <ErrorBoundary key={location.pathname}>
          {/* A page's chunk on its first visit: a quiet placeholder, announced politely. */}
          <Suspense
            fallback={
              <p className="muted page-loading" role="status">
                Loading…
              </p>
            }
          >
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      {!isVendor && <CartBar />}
      <footer className="site-footer">
        <p>Campus Services — order from vendors on campus.</p>
      </footer>
    </>
  );
}
