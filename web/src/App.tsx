import { useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { RequireAuth } from './auth/RequireAuth';
import { CartProvider } from './cart/CartContext';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Layout } from './components/Layout';
import { AccountPage, ForgotPasswordPage, ResetPasswordPage, VerificationPage, VerifyEmailPage } from './pages/account';
import { LiveProvider } from './live/LiveProvider';
import { NotificationsPage } from './pages/NotificationsPage';
import { CartPage } from './pages/CartPage';
import { CataloguePage } from './pages/CataloguePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrderDetailPage } from './pages/OrderDetailPage';
import { OrdersPage } from './pages/OrdersPage';
import { RegisterPage } from './pages/RegisterPage';
import { ServicePage } from './pages/ServicePage';
import { BookingDetailPage } from './pages/bookings/BookingDetailPage';
import { MyBookingsPage } from './pages/bookings/MyBookingsPage';
import { VendorAgendaPage } from './pages/vendor/VendorAgendaPage';
import { VendorDashboardPage } from './pages/vendor/VendorDashboardPage';
import { VendorOrdersPage } from './pages/vendor/VendorOrdersPage';
import { VendorProfilePage } from './pages/vendor/VendorProfilePage';
import { VendorServiceEditPage } from './pages/vendor/VendorServiceEditPage';
import { VendorServicesPage } from './pages/vendor/VendorServicesPage';
import { VendorSchedulePage } from './pages/vendor/VendorSchedulePage';
import { VendorPage } from './pages/VendorPage';

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
