import { useLocation } from 'react-router';
import type { AccountUser } from '../../api/trust';
import { useAuth } from '../../auth/AuthContext';
import { VerifyEmailPrompt } from './EmailState';

/**
 * Above every page while the signed-in user's email is not confirmed. Not on
 * the account page (it says the same in its own words) nor on the page that
 * confirms the link.
 */
export function VerifyEmailBanner() {
  const { user } = useAuth();
  const { pathname } = useLocation();
  const me = user as AccountUser | null;
  if (!me || me.email_verified !== false || me.user_type === 'admin') return null;
  if (pathname.startsWith('/account') || pathname.startsWith('/verify-email')) return null;
  return (
    <div className="verify-email-banner">
      <VerifyEmailPrompt email={me.email} compact />
    </div>
  );
}
