import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { queryKeys } from '../api/queryKeys';
import type { VendorProfile } from '../api/types';

/**
 * A vendor's public business profile by the vendor's user id (a service's
 * `vendor`), or null when they have none (or it is hidden).
 */
export function useVendorProfile(vendorId: number | null) {
  return useQuery({
    queryKey: queryKeys.services.vendor(vendorId ?? 0),
    enabled: vendorId !== null,
    queryFn: async (): Promise<VendorProfile | null> => {
      const res = await api.vendorProfiles.list({ user: vendorId!, page_size: 100 });
      return res.results.find((p) => p.user === vendorId) ?? null;
    },
  });
}

/** Every public service of a vendor, as students see them (also when a vendor looks). */
export function useVendorServices(vendorId: number | null) {
  return useQuery({
    queryKey: queryKeys.services.vendorServices(vendorId ?? 0),
    enabled: vendorId !== null,
    queryFn: () => api.services.publicList({ vendor: vendorId!, page_size: 100 }),
  });
}
