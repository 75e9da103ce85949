/**
 * The history of one purchase (an order or a booking) as the timeline shows it.
 * Each page maps its own rows (an order's `status_history`, a booking's
 * `history`) to these entries, so both read the same way.
 */
export interface TimelineEntry {
  /** What happened, in words: "Pending → Confirmed", "Booked", "Paid online". */
  status: string;
  created_at: string;
  /** Who did it, as the reader should see them: "you", a name, "the system". */
  by: string;
  /** Why, when a reason was given; else empty. */
  reason: string;
}

/**
 * One status step in words. A step to the same status is the moment an online
 * payment was accepted (docs/API.md, Payments), for an order and a booking alike;
 * a step with no status before it is the purchase's creation.
 */
export function stepText(from: string, to: string, label: (status: string) => string): string {
  if (from && from === to) return 'Paid online';
  return from ? `${label(from)} → ${label(to)}` : label(to);
}
