import { useEffect, useState, type FormEvent } from 'react';
import { formatWait, isApiError } from '../api/errors';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { FormErrors, fieldErrors } from '../components/FormErrors';
import { TextField } from '../components/Field';
import { Notice } from '../components/Notice';
import type { User } from '../api/types';

/** Only same-site paths are followed after login (no open redirect). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}

export function homeFor(user: User): string {
  return user.user_type === 'vendor' ? '/vendor' : '/';
}

/** Seconds left before a throttled request may be retried (0 when not throttled). */
function useRetryCountdown(error: unknown): number {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const wait = isApiError(error) && error.kind === 'rate_limited' ? (error.retryAfter ?? 0) : 0;
    setUntil(wait > 0 ? Date.now() + wait * 1000 : 0);
    setNow(Date.now());
  }, [error]);
  useEffect(() => {
    if (until <= now) return;
    const t = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(t);
  }, [until, now]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const waitSeconds = useRetryCountdown(error);

  if (user && !busy) return <Navigate to={next ?? homeFor(user)} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const u = await login(email.trim(), password);
      navigate(next ?? homeFor(u), { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="page narrow">
      <h1>Log in</h1>
      {params.get('expired') && !error && <Notice tone="warning">Your session ended. Please log in again to continue; your cart is kept.</Notice>}
      {params.get('loggedout') && !error && (
        <Notice tone="success">
          You are logged out, and your cart on this device is emptied. <Link to="/">Keep browsing</Link> or log in again.
        </Notice>
      )}
      {params.get('registered') && !error && <Notice tone="success">Your account is ready. Log in to continue.</Notice>}
      <form className="card form" onSubmit={onSubmit} noValidate>
        {waitSeconds > 0 ? (
          <Notice tone="error">Too many attempts. Please try again in {formatWait(waitSeconds)}.</Notice>
        ) : (
          <FormErrors error={isApiError(error) && error.kind === 'rate_limited' ? null : error} fields={['email', 'password']} />
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={fieldErrors(error, 'email')}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={fieldErrors(error, 'password')}
        />
        <p className="forgot-password">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        <button type="submit" className="btn btn-block" disabled={busy || waitSeconds > 0}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p className="form-footer">
          New here? <Link to={`/register${next ? `?next=${encodeURIComponent(next)}` : ''}`}>Create an account</Link>
        </p>
      </form>
    </section>
  );
}
