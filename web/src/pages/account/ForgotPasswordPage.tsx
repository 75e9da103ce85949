import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../components/Field';
import { FormErrors, fieldErrors } from '../../components/FormErrors';
import { Notice } from '../../components/Notice';
import { trust } from '../../hooks/trust';
import { useMutation } from '@tanstack/react-query';

/** "Forgot password?": asks for a reset link. The answer never says whether the account exists. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: (address: string) => trust.recovery.requestReset(address) });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    send.mutate(email.trim());
  }

  return (
    <section className="page narrow">
      <h1>Reset your password</h1>
      {send.isSuccess ? (
        <Notice tone="success" title="Check your email">
          <p>
            If an account uses <strong>{send.variables}</strong>, we have sent it a link to choose a new password. The link
            works once and expires within an hour.
          </p>
          <p>
            Nothing arrived? Check your spam folder, or <button type="button" className="link-button" onClick={() => send.reset()}>try another address</button>.
          </p>
        </Notice>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate>
          <p>Enter the email you signed up with and we will send you a link to choose a new password.</p>
          <FormErrors error={send.error} fields={['email']} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            errors={fieldErrors(send.error, 'email')}
          />
          <button type="submit" className="btn btn-block" disabled={send.isPending || !email.trim()}>
            {send.isPending ? 'Sending…' : 'Send reset link'}
          </button>
        </form>
      )}
      <p className="form-footer">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
