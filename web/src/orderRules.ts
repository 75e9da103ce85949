import type { OrderStatus, UserType } from './api/types';

/** The contract's state machine: what each role may move an order to. */
const VENDOR_TRANSITIONS: Partial<Record<OrderStatus, OrderStatus[]>> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['preparing', 'cancelled'],
  preparing: ['ready'],
  ready: ['delivering', 'completed'],
  delivering: ['completed'],
};

const CUSTOMER_TRANSITIONS: Partial<Record<OrderStatus, OrderStatus[]>> = {
  pending: ['cancelled'],
};

export function allowedTransitions(role: UserType | undefined, from: OrderStatus): OrderStatus[] {
  if (role === 'vendor') return VENDOR_TRANSITIONS[from] ?? [];
  if (role === 'student') return CUSTOMER_TRANSITIONS[from] ?? [];
  return [];
}

export const TRANSITION_LABEL: Record<OrderStatus, string> = {
  pending: 'Reopen',
  confirmed: 'Confirm',
  preparing: 'Start preparing',
  ready: 'Mark ready',
  delivering: 'Send out for delivery',
  completed: 'Mark completed',
  cancelled: 'Cancel order',
};
