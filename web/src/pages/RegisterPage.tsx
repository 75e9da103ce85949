import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/errors';
import { useAuth } from '../auth/AuthContext';
import { FormErrors, fieldErrors } from '../components/FormErrors';
import { TextField } from '../components/Field';
import { homeFor, safeNext } from './LoginPage';

const FIELDS = ['email', 'password', 'user_type', 'first_name', 'last_name', 'phone_number'] as const;

export function RegisterPage() {
  const { user, register, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form, setForm] = useState({
    email: '',
    password: '',
    user_type: 'student' as 'student' | 'vendor',
    first_name: '',
    last_name: '',
    phone_number: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to={next ?? homeFor(user)} replace />;

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      email: form.email.trim(),
      password: form.password,
      user_type: form.user_type,
      ...(form.first_name.trim() && { first_name: form.first_name.trim() }),
      ...(form.last_name.trim() && { last_name: form.last_name.trim() }),
      ...(form.phone_number.trim() && { phone_number: form.phone_number.trim() }),
    };
    try {
      await register(body);
    } catch (err) {
      setError(err);
      setBusy(false);
      return;
    }
    try {
      const u = await login(body.email, body.password);
      navigate(next ?? (u.user_type === 'vendor' ? '/vendor/profile' : homeFor(u)), { replace: true });
    } catch (err) {
      // The account exists; if logging in right away fails (e.g. throttled), send them to log in.
      const qs = new URLSearchParams({ registered: '1', email: body.email, ...(next ? { next } : {}) });
      if (isApiError(err)) navigate(`/login?${qs}`, { replace: true });
      setBusy(false);
    }
  }

  return (
    <section className="page narrow">
      <h1>Create your account</h1>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <FormErrors error={error} fields={FIELDS} />
        <fieldset className="segmented">
          <legend>I want to</legend>
          <label className={form.user_type === 'student' ? 'checked' : ''}>
            <input type="radio" name="user_type" value="student" checked={form.user_type === 'student'} onChange={set('user_type')} />
            Order as a student
          </label>
          <label className={form.user_type === 'vendor' ? 'checked' : ''}>
            <input type="radio" name="user_type" value="vendor" checked={form.user_type === 'vendor'} onChange={set('user_type')} />
            Sell as a vendor
          </label>
        </fieldset>
        {fieldErrors(error, 'user_type').map((m) => (
          <p className="field-error" key={m}>
            {m}
          </p>
        ))}
        <div className="grid-2">
          <TextField label="First name" name="first_name" autoComplete="given-name" value={form.first_name} onChange={set('first_name')} errors={fieldErrors(error, 'first_name')} />
          <TextField label="Last name" name="last_name" autoComplete="family-name" value={form.last_name} onChange={set('last_name')} errors={fieldErrors(error, 'last_name')} />
        </div>
        <TextField label="Email" name="email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} errors={fieldErrors(error, 'email')} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set('password')}
          errors={fieldErrors(error, 'password')}
          hint="At least 8 characters; not too common or similar to your email."
        />
        <TextField label="Phone (optional)" name="phone_number" type="tel" autoComplete="tel" value={form.phone_number} onChange={set('phone_number')} errors={fieldErrors(error, 'phone_number')} />
        <button type="submit" className="btn btn-block" disabled={busy}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
        <p className="form-footer">
          Already have an account? <Link to="/login">Log in</Link>
        </p>
      </form>
    </section>
  );
}
