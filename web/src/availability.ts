import type { AvailabilityStatus, Service } from './api/types';

/**
 * The contract's availability rule in one place: `busy` still takes orders
 * (students are told to expect a longer wait); `unavailable` and `closed` do
 * not. The vendor sets only the status and `is_available` follows it.
 */
export const TAKES_ORDERS: Record<AvailabilityStatus, boolean> = {
  available: true,
  busy: true,
  unavailable: false,
  closed: false,
};

export const AVAILABILITY_CHOICES: { value: AvailabilityStatus; label: string; hint: string }[] = [
  { value: 'available', label: 'Open', hint: 'Taking orders.' },
  { value: 'busy', label: 'Busy', hint: 'Still taking orders; students are told to expect a longer wait.' },
  { value: 'unavailable', label: 'Paused', hint: 'Not taking orders for now.' },
  { value: 'closed', label: 'Closed', hint: 'Not taking orders.' },
];

/**
 * The one status a service is in, as students and the vendor see it. A service
 * switched off while its status still says available/busy (data from before
 * the rule) reads as paused, because it does not take orders.
 */
export function effectiveStatus(s: Pick<Service, 'is_available' | 'availability_status'>): AvailabilityStatus {
  const status = s.availability_status ?? 'available';
  if (!s.is_available && TAKES_ORDERS[status]) return 'unavailable';
  return status;
}

const STUDENT_LABEL: Record<AvailabilityStatus, string> = {
  available: 'Open',
  busy: 'Busy · longer wait',
  unavailable: 'Not taking orders',
  closed: 'Closed',
};

/** How a status reads to students. */
export function availabilityLabel(status: AvailabilityStatus): string {
  return STUDENT_LABEL[status] ?? status;
}
