import type { AccountUser } from '../../api/trust';
import { useResendVerification } from '../../hooks/trust';
import { FormErrors } from '../FormErrors';
import { Notice } from '../Notice';

/** Whether the email is confirmed; if not, a way to get the link again. */
export function EmailState({ user }: { user: AccountUser }) {
  if (user.email_verified === undefined) return null;
  if (user.email_verified) {
    return (
      <p className="chips">
        <span className="chip chip-ok">Email confirmed</span>
      </p>
    );
  }
  return <VerifyEmailPrompt email={user.email} />;
}

/** "Confirm your email" with a resend button (the banner and the account page). */
export function VerifyEmailPrompt({ email, compact = false }: { email: string; compact?: boolean }) {
  const resend = useResendVerification();
  return (
    <Notice tone="warning" title={compact ? undefined : 'Confirm your email'}>
      <p>
        {compact && <strong>Confirm your email. </strong>}
        We sent a link to <strong>{email}</strong>. Open it to confirm this address is yours.
      </p>
      {resend.isSuccess ? (
        <p role="status">A new link is on its way. It can take a minute to arrive.</p>
      ) : (
        <>
          <FormErrors error={resend.error} />
          <button type="button" className="btn btn-secondary btn-small" disabled={resend.isPending} onClick={() => resend.mutate()}>
            {resend.isPending ? 'Sending…' : 'Send the link again'}
          </button>
        </>
      )}
    </Notice>
  );
}
