import type { Service } from '../../api/types';
import { FormErrors } from '../../components/FormErrors';
import { Spinner } from '../../components/QueryState';
import { useServiceItems, useUpdateAvailability } from '../../hooks/services';
import { hasAvailableItem, NEEDS_ITEM_REASON, PUBLISH_AVAILABILITY, serviceStage } from '../../vendor/onboarding';
import { AvailabilityControl } from './AvailabilityControl';

/**
 * Whether students can order, with the draft rule on top of the availability
 * control: a service not taking orders with no available item is a draft whose
 * "Publish" waits for an item; once it can be published, the button (and the
 * usual control) are there; a live service has the usual control only.
 */
export function PublishControl({ service: s, itemsLink = false }: { service: Service; itemsLink?: boolean }) {
  const items = useServiceItems(s.id);
  const publish = useUpdateAvailability(s.id);
  if (items.isPending) return <Spinner label="Loading items…" />;
  const list = items.data?.results ?? [];
  const stage = serviceStage(s, list);
  const reasonId = `publish-reason-${s.id}`;

  if (stage === 'live') {
    return (
      <div className="publish-control">
        <AvailabilityControl service={s} />
        {items.isSuccess && !hasAvailableItem(list) && <p className="small hint-off">No item is available to order: add one or mark one back in stock.</p>}
      </div>
    );
  }
  return (
    <div className="publish-control">
      {stage === 'draft' && <p className="badge badge-draft">Draft — not taking orders</p>}
      <div className="btn-row">
        <button
          type="button"
          className="btn"
          disabled={stage === 'draft' || publish.isPending}
          aria-describedby={reasonId}
          onClick={() => publish.mutate({ ...PUBLISH_AVAILABILITY })}
        >
          {publish.isPending ? 'Publishing…' : 'Publish'}
          <span className="sr-only"> {s.service_name}</span>
        </button>
      </div>
      <p className="small field-hint" id={reasonId}>
        {stage === 'draft' ? (
          <>
            {NEEDS_ITEM_REASON}.{itemsLink && <> <a href="#items-manager">Go to items</a></>}
          </>
        ) : (
          'Students can order as soon as you publish.'
        )}
      </p>
      {stage === 'ready' && <AvailabilityControl service={s} />}
      <FormErrors error={publish.error ?? items.error} />
    </div>
  );
}
