import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, client, isApiError } from '../api';
import { trustEndpoints } from '../api/trust';
import type { Endpoints } from '../api/endpoints';
import { queryKeys } from '../api/queryKeys';
import type { VendorProfile, VendorProfileWrite } from '../api/types';
import { useAuth } from '../auth/AuthContext';

/**
 * The signed-in vendor's profile, or null if they have not created one; also
 * while an admin has hidden it (`is_active: false`), so the vendor is told why.
 */
export function useMyVendorProfile() {
  const { user } = useAuth();
  const userId = user?.id ?? 0;
  return useQuery({
    queryKey: queryKeys.vendorProfile.mine(userId),
    enabled: user?.user_type === 'vendor',
    queryFn: async (): Promise<VendorProfile | null> => {
      try {
        return await trustEndpoints(client).verification.mine();
      } catch (err) {
        if (isApiError(err) && err.kind === 'not_found') return null;
        throw err;
      }
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
