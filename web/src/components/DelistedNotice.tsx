/**
 * Said in place of "Reorder" and "Review" on a past order whose service or
 * vendor has left the marketplace (`service_listed` false): both would be
 * refused, so they are not offered.
 */
export function DelistedNotice({ detail = false }: { detail?: boolean }) {
  return (
    <p className="delisted muted small">
      <strong>This vendor is no longer on the marketplace.</strong>
      {detail && ' This order stays in your history, but it cannot be ordered again or reviewed.'}
    </p>
  );
}
