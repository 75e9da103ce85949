import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PaymentMethod } from '../api/payments';
import { queryKeys } from '../api/queryKeys';
import type { Service } from '../api/types';
import { FormErrors, fieldErrors } from '../components/FormErrors';
import { Notice } from '../components/Notice';
import { paymentsApi, useSitePaymentMethods } from './hooks';

const LABEL: Record<PaymentMethod, string> = { pay_at_pickup: 'Pay at pickup', online: 'Online, before you see the order' };
const HINT: Record<PaymentMethod, string> = {
  pay_at_pickup: 'The student pays you when they collect.',
  online: 'The student pays by card or mobile money when ordering; unpaid orders never reach your queue.',
};

/** Which payment methods a service accepts (at least one), among those the campus offers. Saved on its own. */
export function ServicePaymentSettings({ service }: { service: Service }) {
  const site = useSitePaymentMethods();
  const qc = useQueryClient();
  const current = (service.payment_methods ?? ['pay_at_pickup']) as PaymentMethod[];
  const [chosen, setChosen] = useState<PaymentMethod[]>(current);
  useEffect(() => setChosen((service.payment_methods ?? ['pay_at_pickup']) as PaymentMethod[]), [service.payment_methods]);
  const save = useMutation({
    mutationFn: (methods: PaymentMethod[]) => paymentsApi.setServiceMethods(service.id, methods),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.services.all }),
  });
  const offered = site.data ?? (['pay_at_pickup'] as PaymentMethod[]);
  const none = chosen.length === 0;

  function toggle(m: PaymentMethod, on: boolean) {
    if (save.isSuccess) save.reset();
    setChosen((c) => (on ? [...c.filter((x) => x !== m), m] : c.filter((x) => x !== m)));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (none) return;
    save.mutate(offered.filter((m) => chosen.includes(m)));
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="payment-settings-heading">
      <h2 id="payment-settings-heading" className="h3">
        Payment
      </h2>
      <FormErrors error={save.error} fields={['payment_methods']} />
      <fieldset className="payment-choice">
        <legend>Students may pay</legend>
        {offered.map((m) => (
          <label key={m} className="radio-row">
            <input type="checkbox" name="payment_methods" value={m} checked={chosen.includes(m)} onChange={(e) => toggle(m, e.target.checked)} />
            <span>
              {LABEL[m]}
              <span className="muted small block">{HINT[m]}</span>
            </span>
          </label>
        ))}
        {!offered.includes('online') && <p className="muted small">Online payment is not available on this campus yet.</p>}
        {[...(none ? ['Choose at least one way to pay.'] : []), ...fieldErrors(save.error, 'payment_methods')].map((m) => (
          <p className="field-error" key={m}>
            {m}
          </p>
        ))}
      </fieldset>
      <button type="submit" className="btn" disabled={save.isPending || none}>
        {save.isPending ? 'Saving…' : 'Save payment methods'}
      </button>
      {save.isSuccess && <Notice tone="success">Payment methods saved.</Notice>}
    </form>
  );
}
