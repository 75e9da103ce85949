import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/errors';
import { Notice } from './Notice';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** Something the address points at does not exist: say what, and offer a way back. */
export function Missing({ title, back, children }: { title: string; back: { to: string; label: string }; children: ReactNode }) {
  return (
    <section className="page narrow missing">
      <h1>{title}</h1>
      <p>{children}</p>
      <p>
        <Link to={back.to} className="btn">
          {back.label}
        </Link>
      </p>
    </section>
  );
}

/** A failed load, in words, with a way forward. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const api = isApiError(error) ? error : null;
  const title =
    api?.kind === 'not_found'
      ? 'This no longer exists'
      : api?.kind === 'forbidden'
        ? 'Not allowed'
        : api?.kind === 'rate_limited'
          ? 'Slow down'
          : api?.kind === 'network'
            ? 'Offline?'
            : 'Could not load this';
  return (
    <Notice tone="error" title={title}>
      <p>
        {api?.kind === 'not_found'
          ? 'It may have been removed, or the link may be mistyped.'
          : api
            ? api.topMessages()[0]
            : 'Something unexpected happened.'}
      </p>
      <p className="notice-actions">
        {onRetry && api?.kind !== 'not_found' && api?.kind !== 'forbidden' && (
          <button type="button" className="btn btn-secondary" onClick={onRetry}>
            Try again
          </button>
        )}
        <Link to="/">Back to the catalogue</Link>
      </p>
    </Notice>
  );
}
