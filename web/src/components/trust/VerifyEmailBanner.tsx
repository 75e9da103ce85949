import { useLocation } from 'react-router';
import type { AccountUser } from '../../api/trust';
import { useAuth } from '../../auth/AuthContext';
import { VerifyEmailPrompt } from './EmailState';

/**
 * Where people land (the catalogue, their orders and bookings, the vendor's
 * dashboard, notifications) while the signed-in user's email is not
 * confirmed: a reminder there, not in the middle of a task (a service page,
 * the cart, the order queue), where it would push the work down the screen.
 * The account page says the same in its own words.
 */
const LANDING_PAGES = new Set(['/', '/orders', '/bookings', '/vendor', '/notifications']);

export function VerifyEmailBanner() {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const me = user as AccountUser | null;
  if (!me || me.email_verified !== false || me.user_type === 'admin') return null;
  if (!LANDING_PAGES.has(pathname.replace(/(.)\/$/, '$1'))) return null;
  return (
    <div className="verify-email-banner">
      <VerifyEmailPrompt email={me.email} compact />
    </div>
  );
}
