import { useHours } from '../hooks/schedule';
import { useNow } from '../hooks/useNow';
import { closingTime, openState, type OpenFields } from '../schedule';

/**
 * "Open now · closes 14:00", "Closed · opens tomorrow 08:00", "Paused until
 * 12:40 (rush)". The closing time needs the service's weekly hours: with
 * `detailed` (a service page) they are loaded, while a list shows "Open now"
 * from the service's own fields and asks nothing more per card.
 */
export function OpenState({ service, detailed = false }: { service: OpenFields & { id: number }; detailed?: boolean }) {
  const now = useNow(30_000);
  const hours = useHours(detailed ? service.id : null).data;
  // The hours endpoint is fresher than a cached catalogue entry when both are at hand.
  const fields = hours ? { ...hours, is_available: service.is_available } : service;
  const state = openState(fields, now, { closes: hours?.open_now ? closingTime(hours, now) : null });
  if (!state) return null;
  return <p className={`open-state open-state-${state.tone}`}>{state.text}</p>;
}
