import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/errors';
import { useAuth } from '../../auth/AuthContext';
import { Notice } from '../../components/Notice';
import { Spinner } from '../../components/QueryState';
import { trust, useRefreshMe } from '../../hooks/trust';

/** The page the verification email links to (`/verify-email/:uid/:token/`): confirms at once. */
export function VerifyEmailPage() {
  const { uid = '', token = '' } = useParams();
  const { user } = useAuth();
  const refreshMe = useRefreshMe();
  const verify = useMutation({ mutationFn: () => trust.recovery.verifyEmail(uid, token) });
  const { mutate } = verify;
  const sentFor = useRef('');

  useEffect(() => {
    // Once per link, even when React runs effects twice in development.
    if (sentFor.current === `${uid}/${token}`) return;
    sentFor.current = `${uid}/${token}`;
    mutate(undefined, {
      // The banner reads the signed-in user's email state: take the new one.
      onSuccess: () => {
        if (user) refreshMe.mutate();
      },
    });
  }, [uid, token]);

  return (
    <section className="page narrow">
      <h1>Confirm your email</h1>
      {verify.isSuccess ? (
        <>
          <Notice tone="success">
            <p>Thank you — your email address is confirmed.</p>
          </Notice>
          <p>
            <Link to={user ? (user.user_type === 'vendor' ? '/vendor' : '/') : '/login'} className="btn">
              {user ? 'Continue' : 'Log in'}
            </Link>
          </p>
        </>
      ) : verify.isError ? (
        <>
          <Notice tone="warning" title="This link no longer works">
            <p>{describeError(verify.error)}</p>
            <p>Links expire after a while. Log in and ask for a new one from your account page.</p>
          </Notice>
          <p>
            <Link to={user ? '/account' : '/login?next=%2Faccount'} className="btn">
              {user ? 'Go to your account' : 'Log in'}
            </Link>
          </p>
        </>
      ) : (
        <Spinner label="Confirming your email…" />
      )}
    </section>
  );
}
