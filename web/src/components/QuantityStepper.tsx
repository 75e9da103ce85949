import { useEffect, useRef, useState } from 'react';
import { MAX_QUANTITY } from '../config';

/**
 * − [n] + for one cart line. The number can be typed too; a value over the
 * limit is held at the limit and the reason is shown beside it, never changed
 * silently. − at 1 removes the line. Its name, "Remove one Croissant",
 * differs from the cart's "Remove Croissant from cart", so a screen reader's
 * button list tells them apart.
 */
export function QuantityStepper({
  name,
  quantity,
  onChange,
  notice,
  focusOnMount = false,
}: {
  name: string;
  quantity: number;
  /** Returns 'capped' when the requested quantity was over the limit. */
  onChange: (quantity: number) => 'ok' | 'capped' | 'removed';
  /** An outside reason to show (e.g. "Add" pressed at the limit). */
  notice?: string | null;
  /** Takes the focus when it appears: "Add" became this stepper, and the focus moves with it. */
  focusOnMount?: boolean;
}) {
  const more = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusOnMount) more.current?.focus();
    // Only when it appears: later changes of the prop must not pull the focus back.
  }, []);
  const [draft, setDraft] = useState(String(quantity));
  const [capped, setCapped] = useState(false);
  useEffect(() => setDraft(String(quantity)), [quantity]);

  function apply(n: number) {
    const outcome = onChange(n);
    setCapped(outcome === 'capped');
    if (outcome === 'capped') setDraft(String(MAX_QUANTITY));
  }

  const atMax = quantity >= MAX_QUANTITY;
  const message = capped ? `You can order at most ${MAX_QUANTITY} of one item, so this is set to ${MAX_QUANTITY}.` : atMax ? `${MAX_QUANTITY} is the most of one item per order.` : notice;
  return (
    <div className="stepper-wrap">
      <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
        <button type="button" className="stepper-btn" onClick={() => apply(quantity - 1)} aria-label={`Remove one ${name}`}>
          −
        </button>
        <input
          className="stepper-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          aria-label={`Quantity of ${name}`}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            const n = Number(e.target.value);
            // An empty box while typing is not "remove"; wait for a number.
            if (e.target.value !== '' && Number.isFinite(n) && n >= 1) apply(n);
          }}
          onBlur={() => {
            if (draft === '' || Number(draft) < 1) setDraft(String(quantity));
          }}
        />
        <button ref={more} type="button" className="stepper-btn" onClick={() => apply(quantity + 1)} disabled={atMax} aria-label={`One more ${name}`}>
          +
        </button>
      </div>
      {message && (
        <p className="stepper-note" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
