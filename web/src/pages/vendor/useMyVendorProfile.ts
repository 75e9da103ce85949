import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { VendorProfile } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';

/**
 * The signed-in vendor's profile, or null if they have not created one.
 * The contract has no "my profile" endpoint, so this filters the public list
 * (passing ?user= lets a backend that supports it answer in one page).
 */
export function useMyVendorProfile() {
  const { user } = useAuth();
  return useQuery({
    queryKey: ['vendor-profile', 'mine', user?.id],
    enabled: user?.user_type === 'vendor',
    queryFn: async (): Promise<VendorProfile | null> => {
      for (let page = 1; page <= 20; page++) {
        const res = await api.vendorProfiles.list({ user: user!.id, page, page_size: 100 });
        const mine = res.results.find((p) => ownerId(p) === user!.id);
        if (mine) return mine;
        if (!res.next) break;
      }
      return null;
    },
  });
}

function ownerId(p: VendorProfile): number | null {
  const u = (p as VendorProfile & { user: unknown }).user;
  if (typeof u === 'number') return u;
  if (u && typeof u === 'object' && 'id' in u) return (u as { id: number }).id;
  return null;
}
