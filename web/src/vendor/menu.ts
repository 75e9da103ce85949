/** Pure rules of the vendor's menu screens (option order, stock fields), kept apart to be tested alone. */

/** `list` with the entry at `from` moved by `by` places (negative: up). */
export function moved<T>(list: readonly T[], from: number, by: number): T[] {
  const next = [...list];
  const [entry] = next.splice(from, 1);
  next.splice(from + by, 0, entry);
  return next;
}

/** What the vendor typed for one item's stock: a count, or not counted. */
export interface StockDraft {
  counted: boolean;
  count: string;
}

export const MAX_STOCK = 1_000_000;

/** The stock to send for a draft (null: not counted), or why it cannot be sent. */
export function stockValue(draft: StockDraft): { stock: number | null } | { problem: string } {
  if (!draft.counted) return { stock: null };
  const n = Number(draft.count);
  if (draft.count.trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_STOCK) {
    return { problem: 'Enter a whole number from 0 to 1,000,000, or tick “Not counted”.' };
  }
  return { stock: n };
}
