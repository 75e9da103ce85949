import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { isApiError } from '../api/errors';
import { queryKeys } from '../api/queryKeys';
import type { Order } from '../api/types';
import { useCart } from '../cart/CartContext';
import { reorderCart, type Reorder } from '../orders/reorder';

export type ReorderResult = (Reorder & { status: 'added' }) | { status: 'closed' | 'nothing' | 'kept' | 'gone'; dropped: Reorder['dropped'] };

/**
 * "Reorder": reads the service's menu as it is now, puts the old order's
 * still-available lines into the cart (asking before replacing another
 * service's cart) and reports what could not be put back.
 */
export function useReorder() {
  const qc = useQueryClient();
  const cart = useCart();
  return useMutation({
    mutationFn: async (order: Order): Promise<ReorderResult> => {
      let service;
      try {
        service = await qc.fetchQuery({ queryKey: queryKeys.services.detail(order.service), queryFn: () => api.services.get(order.service), staleTime: 0 });
      } catch (e) {
        // The service or its vendor left the marketplace since the order list was read.
        if (isApiError(e) && e.kind === 'not_found') return { status: 'gone', dropped: [] };
        throw e;
      }
      const plan = reorderCart(cart.cart, order, service.items);
      if (!service.supports_ordering || !service.is_available) return { status: 'closed', dropped: [] };
      const added = plan.cart.lines.filter((l) => order.items.some((i) => i.service_item === l.itemId));
      if (added.length === 0) return { status: 'nothing', dropped: plan.dropped };
      if (plan.replacedOther && !window.confirm(`Your cart holds items from ${cart.cart?.serviceName}. Replace them with this order’s items?`)) {
        return { status: 'kept', dropped: [] };
      }
      const svc = { id: service.id, name: service.service_name };
      cart.startOver(svc);
      for (const line of plan.cart.lines) {
        cart.add(svc, { id: line.itemId, name: line.name, price: line.price });
        cart.setQuantity(line.itemId, line.quantity);
      }
      return { ...plan, status: 'added' };
    },
  });
}
