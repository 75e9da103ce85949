import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { linkIsDead } from '../../api/trustErrors';
import { TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { trust } from '../../hooks/trust';

/**
 * The page the reset email links to (`/reset-password/:uid/:token/`). A link
 * that no longer works (used, expired, or the password changed since) gets a
 * plain answer and a way to ask for a new one, not a form that can never succeed.
 */
export function ResetPasswordPage() {
  const { uid = '', token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({ mutationFn: (pw: string) => trust.recovery.confirmReset(uid, token, pw) });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (password !== again) {
      setMismatch(true);
      return;
    }
    reset.mutate(password);
  }

  if (reset.isSuccess) {
    return (
      <section className="page narrow">
        <h1>Password changed</h1>
        <Notice tone="success">
          <p>Your new password is set, and every device that was signed in has been signed out.</p>
        </Notice>
        <p>
          <Link to="/login" className="btn">
            Log in with your new password
          </Link>
        </p>
      </section>
    );
  }

  if (linkIsDead(reset.error)) {
    return (
      <section className="page narrow">
        <h1>This link no longer works</h1>
        <Notice tone="warning">
          <p>Password reset links work once and expire after a while, and they stop working once the password has been changed.</p>
        </Notice>
        <p>
          <Link to="/forgot-password" className="btn">
            Send me a new link
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page narrow">
      <h1>Choose a new password</h1>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <FormErrors error={reset.error} fields={['new_password']} />
        <TextField
          label="New password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={fieldErrors(reset.error, 'new_password')}
          hint="At least 8 characters; not only numbers, and not a common password."
        />
        <TextField
          label="New password again"
          name="new_password_again"
          type="password"
          autoComplete="new-password"
          required
          value={again}
          onChange={(e) => {
            setAgain(e.target.value);
            setMismatch(false);
          }}
          errors={mismatch ? ['The two passwords are not the same.'] : []}
        />
        <button type="submit" className="btn btn-block" disabled={reset.isPending || !password}>
          {reset.isPending ? 'Saving…' : 'Set new password'}
        </button>
      </form>
    </section>
  );
}
