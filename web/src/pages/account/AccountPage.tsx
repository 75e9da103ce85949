import { useEffect, useState, type FormEvent } from 'react';
import type { AccountUser } from '../../api/trust';
import { useAuth } from '../../auth/AuthContext';
import { TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { EmailState } from '../../components/trust/EmailState';
import { useChangePassword, useLogoutEverywhere, useUpdateAccount } from '../../hooks/trust';

/** The signed-in user's own page: names and phone, email state, password, sessions. */
export function AccountPage() {
  const { user, logout } = useAuth();
  if (!user) return null;
  const me = user as AccountUser;
  return (
    <section className="page narrow account-page">
      <h1>Your account</h1>
      <EmailState user={me} />
      <DetailsForm user={me} />
      <PasswordForm />
      <SessionsForm onLogout={() => void logout()} />
    </section>
  );
}

/** Log out everywhere (with the password, so a borrowed phone cannot do it), or here only. */
function SessionsForm({ onLogout }: { onLogout: () => void }) {
  const [password, setPassword] = useState('');
  const everywhere = useLogoutEverywhere();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    everywhere.mutate(password, { onSuccess: () => setPassword('') });
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      <p>Log out everywhere signs you out on every other phone and computer at once; this device stays signed in and your password stays the same.</p>
      <FormErrors error={everywhere.error} fields={['password']} />
      <TextField
        label="Your password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => {
          if (everywhere.isSuccess) everywhere.reset();
          setPassword(e.target.value);
        }}
        errors={fieldErrors(everywhere.error, 'password')}
      />
      {everywhere.isSuccess && <Notice tone="success">Every other device has been signed out.</Notice>}
      <div className="actions">
        <button type="submit" className="btn" disabled={everywhere.isPending || !password}>
          {everywhere.isPending ? 'Signing out…' : 'Log out everywhere'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onLogout}>
          Log out on this device
        </button>
      </div>
    </form>
  );
}

const DETAIL_FIELDS = ['first_name', 'last_name', 'phone_number'] as const;

function DetailsForm({ user }: { user: AccountUser }) {
  const initial = () => ({ first_name: user.first_name ?? '', last_name: user.last_name ?? '', phone_number: user.phone_number ?? '' });
  const [form, setForm] = useState(initial);
  const save = useUpdateAccount();
  useEffect(() => setForm(initial()), [user.id]);

  const set = (k: (typeof DETAIL_FIELDS)[number]) => (e: { target: { value: string } }) => {
    if (save.isSuccess) save.reset();
    setForm((f) => ({ ...f, [k]: e.target.value }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ first_name: form.first_name.trim(), last_name: form.last_name.trim(), phone_number: form.phone_number.trim() });
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="details-title">
      <h2 id="details-title">Your details</h2>
      <p className="muted small">
        Signed in as <strong>{user.email}</strong> ({user.user_type}). Only you and the campus services team see your email.
      </p>
      <FormErrors error={save.error} fields={DETAIL_FIELDS} />
      <TextField label="First name" name="first_name" autoComplete="given-name" value={form.first_name} onChange={set('first_name')} errors={fieldErrors(save.error, 'first_name')} maxLength={150} />
      <TextField label="Last name" name="last_name" autoComplete="family-name" value={form.last_name} onChange={set('last_name')} errors={fieldErrors(save.error, 'last_name')} maxLength={150} />
      <TextField label="Phone number" name="phone_number" type="tel" autoComplete="tel" value={form.phone_number} onChange={set('phone_number')} errors={fieldErrors(save.error, 'phone_number')} maxLength={20} />
      {save.isSuccess && <Notice tone="success">Your details are saved.</Notice>}
      <button type="submit" className="btn" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save details'}
      </button>
    </form>
  );
}

function PasswordForm() {
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useChangePassword();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    change.mutate(
      { oldPassword, newPassword },
      {
        onSuccess: () => {
          setOldPassword('');
          setNewPassword('');
        },
      },
    );
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <FormErrors error={change.error} fields={['old_password', 'new_password']} />
      <TextField
        label="Current password"
        name="old_password"
        type="password"
        autoComplete="current-password"
        required
        value={oldPassword}
        onChange={(e) => setOldPassword(e.target.value)}
        errors={fieldErrors(change.error, 'old_password')}
      />
      <TextField
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        required
        value={newPassword}
        onChange={(e) => {
          if (change.isSuccess) change.reset();
          setNewPassword(e.target.value);
        }}
        errors={fieldErrors(change.error, 'new_password')}
      />
      {change.isSuccess && <Notice tone="success">Password changed. Every other device has been signed out.</Notice>}
      <button type="submit" className="btn" disabled={change.isPending || !oldPassword || !newPassword}>
        {change.isPending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
