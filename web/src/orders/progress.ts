import type { OrderStatus } from '../api/types';

export type StepState = 'done' | 'current' | 'upcoming';

export interface Step {
  key: 'placed' | 'confirmed' | 'preparing' | 'ready' | 'collected';
  label: string;
  state: StepState;
}

export interface Progress {
  steps: Step[];
  /** Set when the order ended early: the stepper stops at the last step reached. */
  stopped: 'cancelled' | null;
}

const STEPS: { key: Step['key']; label: string }[] = [
  { key: 'placed', label: 'Placed' },
  { key: 'confirmed', label: 'Confirmed' },
  { key: 'preparing', label: 'Preparing' },
  { key: 'ready', label: 'Ready' },
  { key: 'collected', label: 'Collected' },
];

/** How far each status is along the five steps (out for delivery is past "ready", not yet collected). */
const RANK: Record<OrderStatus, number> = {
  pending: 0,
  confirmed: 1,
  preparing: 2,
  ready: 3,
  delivering: 3,
  completed: 4,
  cancelled: -1,
};

/**
 * The stepper's state for an order: steps before the current one are done, the
 * current one is marked (a completed order has every step done). A cancelled
 * order shows the steps it had reached, from its history, and stops there.
 */
export function orderProgress(status: OrderStatus, history: readonly { to_status: string }[] = []): Progress {
  if (status === 'cancelled') {
    const reached = Math.max(0, ...history.map((h) => RANK[h.to_status as OrderStatus] ?? -1));
    return {
      steps: STEPS.map((s, i) => ({ ...s, state: i <= reached ? 'done' : 'upcoming' })),
      stopped: 'cancelled',
    };
  }
  const at = RANK[status];
  const finished = status === 'completed';
  return {
    steps: STEPS.map((s, i) => ({ ...s, state: i < at || (finished && i === at) ? 'done' : i === at ? 'current' : 'upcoming' })),
    stopped: null,
  };
}
