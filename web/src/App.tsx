import { lazy, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { CartProvider } from './cart/CartContext';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { AccountPage, ForgotPasswordPage, ResetPasswordPage, VerificationPage, VerifyEmailPage } from './pages/account';
import { LiveProvider } from './live/LiveProvider';
import { CataloguePage } from './pages/CataloguePage';

// Every page but the home page is its own chunk, fetched when first visited:
// a phone's first load carries the catalogue and nothing else.
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const CartPage = lazy(() => import('./pages/CartPage').then((m) => ({ default: m.CartPage })));
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage').then((m) => ({ default: m.OrderDetailPage })));
const OrdersPage = lazy(() => import('./pages/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const RegisterPage = lazy(() => import('./pages/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const ServicePage = lazy(() => import('./pages/ServicePage').then((m) => ({ default: m.ServicePage })));
const BookingDetailPage = lazy(() => import('./pages/bookings/BookingDetailPage').then((m) => ({ default: m.BookingDetailPage })));
const MyBookingsPage = lazy(() => import('./pages/bookings/MyBookingsPage').then((m) => ({ default: m.MyBookingsPage })));
const VendorAgendaPage = lazy(() => import('./pages/vendor/VendorAgendaPage').then((m) => ({ default: m.VendorAgendaPage })));
const VendorDashboardPage = lazy(() => import('./pages/vendor/VendorDashboardPage').then((m) => ({ default: m.VendorDashboardPage })));
const VendorOrdersPage = lazy(() => import('./pages/vendor/VendorOrdersPage').then((m) => ({ default: m.VendorOrdersPage })));
const VendorProfilePage = lazy(() => import('./pages/vendor/VendorProfilePage').then((m) => ({ default: m.VendorProfilePage })));
const VendorServiceEditPage = lazy(() => import('./pages/vendor/VendorServiceEditPage').then((m) => ({ default: m.VendorServiceEditPage })));
const VendorServicesPage = lazy(() => import('./pages/vendor/VendorServicesPage').then((m) => ({ default: m.VendorServicesPage })));
const VendorStockPage = lazy(() => import('./pages/vendor/VendorStockPage').then((m) => ({ default: m.VendorStockPage })));
const VendorSchedulePage = lazy(() => import('./pages/vendor/VendorSchedulePage').then((m) => ({ default: m.VendorSchedulePage })));
const VendorPage = lazy(() => import('./pages/VendorPage').then((m) => ({ default: m.VendorPage })));
const TITLES: [RegExp, string][] = [
  [/^\/$/, 'Browse services'],
  [/^\/services\//, 'Service'],
  [/^\/login/, 'Log in'],
  [/^\/register/, 'Sign up'],
  [/^\/cart/, 'Your cart'],
  [/^\/orders\/\d+/, 'Order'],
  [/^\/orders/, 'My orders'],
  [/^\/vendor\/orders/, 'Order queue'],
  [/^\/vendor\/services\/new/, 'New service'],
  [/^\/vendor\/services\/\d+\/schedule/, 'Opening hours'],
  [/^\/vendor\/services\/\d+\/stock/, 'Today’s stock'],
  [/^\/vendor\/services\/\d+/, 'Edit service'],
  [/^\/vendor\/services/, 'My services'],
  [/^\/vendor\/profile/, 'Business profile'],
  [/^\/vendor\/verification/, 'Verification'],
  [/^\/bookings\/\d+/, 'Booking'],
  [/^\/bookings/, 'My bookings'],
  [/^\/vendor\/agenda/, 'Agenda'],
  [/^\/vendors\/\d+/, 'Vendor'],
  [/^\/vendor/, 'Dashboard'],
  [/^\/notifications/, 'Notifications'],
  [/^\/forgot-password/, 'Reset your password'],
  [/^\/reset-password\//, 'Choose a new password'],
  [/^\/verify-email\//, 'Confirm your email'],
  [/^\/account/, 'Your account'],
];

function DocumentTitle() {
  const { pathname, hash } = useLocation();
  useEffect(() => {
    const title = TITLES.find(([re]) => re.test(pathname))?.[1] ?? 'Page not found';
    document.title = `${title} · Campus Services`;
    // A link to a part of a page (#write-review) is scrolled there by that page.
    if (!hash) window.scrollTo(0, 0);
    // Only on a new page, not when the fragment alone changes.
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <AuthProvider>
      <LiveProvider>
      <CartProvider>
        <DocumentTitle />
        <ErrorBoundary>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<CataloguePage />} />
              <Route path="services/:id" element={<ServicePage />} />
              <Route path="login" element={<LoginPage />} />
              <Route path="register" element={<RegisterPage />} />
              <Route path="cart" element={<CartPage />} />
              <Route
                path="orders"
                element={
                  <RequireAuth>
                    <OrdersPage />
                  </RequireAuth>
                }
              />
              <Route
                path="orders/:id"
                element={
                  <RequireAuth>
                    <OrderDetailPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor"
                element={
                  <RequireAuth role="vendor">
                    <VendorDashboardPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/orders"
                element={
                  <RequireAuth role="vendor">
                    <VendorOrdersPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/services"
                element={
                  <RequireAuth role="vendor">
                    <VendorServicesPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/services/new"
                element={
                  <RequireAuth role="vendor">
                    <VendorServiceEditPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/services/:id"
                element={
                  <RequireAuth role="vendor">
                    <VendorServiceEditPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/services/:id/schedule"
                element={
                  <RequireAuth role="vendor">
                    <VendorSchedulePage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/services/:id/stock"
                element={
                  <RequireAuth role="vendor">
                    <VendorStockPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/profile"
                element={
                  <RequireAuth role="vendor">
                    <VendorProfilePage />
                  </RequireAuth>
                }
              />
              <Route
                path="notifications"
                element={
                  <RequireAuth>
                    <NotificationsPage />
                  </RequireAuth>
                }
              />
              <Route
                path="bookings"
                element={
                  <RequireAuth role="student">
                    <MyBookingsPage />
                  </RequireAuth>
                }
              />
              <Route
                path="bookings/:id"
                element={
                  <RequireAuth>
                    <BookingDetailPage />
                  </RequireAuth>
                }
              />
              <Route
                path="vendor/agenda"
                element={
                  <RequireAuth role="vendor">
                    <VendorAgendaPage />
                  </RequireAuth>
                }
              />
              <Route path="vendors/:id" element={<VendorPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password/:uid/:token" element={<ResetPasswordPage />} />
              <Route path="verify-email/:uid/:token" element={<VerifyEmailPage />} />
              <Route path="account" element={<RequireAuth><AccountPage /></RequireAuth>} />
              <Route path="vendor/verification" element={<RequireAuth role="vendor"><VerificationPage /></RequireAuth>} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </ErrorBoundary>
      </CartProvider>
      </LiveProvider>
    </AuthProvider>
  );
}
