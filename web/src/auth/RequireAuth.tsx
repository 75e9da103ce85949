import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { UserType } from '../api/types';
import { Notice } from '../components/Notice';
import { useAuth } from './AuthContext';

/** Pages behind a login; with `role`, only for that kind of user. */
export function RequireAuth({ role, children }: { role?: UserType; children: ReactNode }) {
  const { user, expired } = useAuth();
  const location = useLocation();
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}${expired ? '&expired=1' : ''}`} replace />;
  }
  if (role && user.user_type !== role) {
    return (
      <section className="page narrow">
        <h1>Not available</h1>
        <Notice tone="error">
          This page is for {role} accounts. You are signed in as {user.email} ({user.user_type}).
        </Notice>
      </section>
    );
  }
  return <>{children}</>;
}
