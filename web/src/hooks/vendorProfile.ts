import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api';
import type { Endpoints } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { VendorProfile, VendorProfileWrite } from '../api/types';
import { useAuth } from '../auth/AuthContext';

/**
 * The signed-in vendor's profile, or null if they have not created one.
 * The contract has no "my profile" endpoint, so this filters the public list
 * (passing ?user= lets a backend that supports it answer in one page).
 */
export function useMyVendorProfile() {
  const { user } = useAuth();
  const userId = user?.id ?? 0;
  return useQuery({
    queryKey: queryKeys.vendorProfile.mine(userId),
    enabled: user?.user_type === 'vendor',
    queryFn: async (): Promise<VendorProfile | null> => {
      for (let page = 1; page <= 20; page++) {
        const res = await api.vendorProfiles.list({ user: userId, page, page_size: 100 });
        const mine = res.results.find((p) => p.user === userId);
        if (mine) return mine;
        if (!res.next) break;
      }
      return null;
    },
  });
}

export function saveVendorProfileMutation(endpoints: Endpoints, qc: QueryClient, userId: number) {
  return {
    mutationFn: ({ id, body }: { id?: number; body: VendorProfileWrite }) =>
      id ? endpoints.vendorProfiles.update(id, body) : endpoints.vendorProfiles.create(body),
    onSuccess: (saved: VendorProfile) => {
      qc.setQueryData(queryKeys.vendorProfile.mine(userId), saved);
      // Services show the business name.
      void qc.invalidateQueries({ queryKey: queryKeys.services.all });
    },
  };
}

export function useSaveVendorProfile() {
  const { user } = useAuth();
  return useMutation(saveVendorProfileMutation(api, useQueryClient(), user?.id ?? 0));
}
