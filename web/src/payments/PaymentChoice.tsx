import type { PaymentMethod } from '../api/payments';
import { METHOD_LABEL } from './model';

const HINT: Record<PaymentMethod, string> = {
  pay_at_pickup: 'Pay the vendor when you collect.',
  online: 'Pay now by card or mobile money; the vendor sees your order once it is paid.',
};

/** The checkout's "how to pay" radio group; nothing to choose when only one method is left. */
export function PaymentChoice({
  methods,
  value,
  onChange,
  errors = [],
}: {
  methods: PaymentMethod[];
  value: PaymentMethod | undefined;
  onChange: (method: PaymentMethod) => void;
  errors?: string[];
}) {
  if (methods.length === 0) return null;
  if (methods.length === 1) {
    return (
      <p className="payment-only">
        <strong>Payment:</strong> {METHOD_LABEL[methods[0]]}. <span className="muted small">{HINT[methods[0]]}</span>
      </p>
    );
  }
  return (
    <fieldset className="payment-choice">
      <legend>How to pay</legend>
      {methods.map((m) => (
        <label key={m} className="radio-row">
          <input type="radio" name="payment_method" value={m} checked={value === m} onChange={() => onChange(m)} />
          <span>
            {METHOD_LABEL[m]}
            <span className="muted small block">{HINT[m]}</span>
          </span>
        </label>
      ))}
      {errors.map((e) => (
        <p className="field-error" key={e}>
          {e}
        </p>
      ))}
    </fieldset>
  );
}
