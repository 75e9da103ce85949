import type { Service, ServiceItem } from '../api/types';

/**
 * A new service starts as a draft: not taking orders until it has an item
 * students can order and the vendor publishes it. The contract lets students
 * see every service of an active vendor, so "draft" is the web app's rule on
 * top of `update_availability`, not a server state.
 */
export const DRAFT_AVAILABILITY = { is_available: false, availability_status: 'unavailable' } as const;

/** What publishing sends to update_availability. */
export const PUBLISH_AVAILABILITY = { is_available: true, availability_status: 'available' } as const;

export const NEEDS_ITEM_REASON = 'Add an available item first';

export function hasAvailableItem(items: readonly Pick<ServiceItem, 'is_available'>[]): boolean {
  return items.some((i) => i.is_available);
}

/**
 * - `draft`: not taking orders and nothing to order yet: publishing waits for an available item;
 * - `ready`: not taking orders, with an available item: it can be published;
 * - `live`: taking orders (available or busy).
 */
export type ServiceStage = 'draft' | 'ready' | 'live';

export function serviceStage(service: Pick<Service, 'is_available'>, items: readonly Pick<ServiceItem, 'is_available'>[]): ServiceStage {
  if (service.is_available) return 'live';
  return hasAvailableItem(items) ? 'ready' : 'draft';
}

/** The service the checklist is about: the newest one taking orders, else the newest one. */
export function checklistTarget<S extends Pick<Service, 'id' | 'is_available' | 'created_at'>>(services: readonly S[]): S | null {
  const newest = [...services].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  return newest.find((s) => s.is_available) ?? newest[0] ?? null;
}

export interface Step {
  key: 'profile' | 'service' | 'item' | 'publish';
  label: string;
  done: boolean;
  /** Where to do it; null while an earlier step is needed first. */
  to: string | null;
}

/** The getting-started steps, in order; the checklist hides when every one is done. */
export function onboardingSteps({
  hasProfile,
  target,
  targetItems,
}: {
  hasProfile: boolean;
  target: Pick<Service, 'id' | 'is_available'> | null;
  targetItems: readonly Pick<ServiceItem, 'is_available'>[];
}): Step[] {
  const edit = target ? `/vendor/services/${target.id}` : null;
  return [
    { key: 'profile', label: 'Create your business profile', done: hasProfile, to: '/vendor/profile' },
    { key: 'service', label: 'Add a service', done: target !== null, to: '/vendor/services/new' },
    { key: 'item', label: 'Add an available item to it', done: target !== null && hasAvailableItem(targetItems), to: edit && `${edit}#items-manager` },
    { key: 'publish', label: 'Publish it', done: !!target?.is_available, to: edit },
  ];
}

export function allDone(steps: readonly Step[]): boolean {
  return steps.every((s) => s.done);
}
