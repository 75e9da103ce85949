import { useLiveState } from '../live/LiveProvider';

const TEXT = {
  live: { label: 'Live', hint: 'updates appear by themselves' },
  connecting: { label: 'Connecting…', hint: 'checking for updates every few seconds' },
  reconnecting: { label: 'Reconnecting…', hint: 'checking for updates every few seconds' },
  offline: { label: 'Offline', hint: 'updates resume when the connection returns' },
} as const;

/**
 * Whether this page is updating by itself: "Live" while the event stream is
 * open, "Reconnecting…" while it is down (the page then polls instead).
 * Nothing when signed out.
 */
export function LiveStatus() {
  const state = useLiveState();
  if (state === 'off') return null;
  const { label, hint } = TEXT[state];
  return (
    <p className={`live-status live-${state}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      <span className="live-label">{label}</span>
      <span className="sr-only">: {hint}</span>
    </p>
  );
}
