import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'error' | 'warning';

/** A message box. Errors are announced to screen readers as they appear. */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}
