import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, client } from '../api';
import { queryKeys } from '../api/queryKeys';
import { trustEndpoints, type AccountUpdate, type AccountUser } from '../api/trust';
import { useAuth } from '../auth/AuthContext';

export const trust = trustEndpoints(client);

/** Private to the signed-in vendor (dropped when the session ends, like every non-catalogue key). */
export const verificationKey = (profileId: number) => ['vendor-profile', 'verification', profileId] as const;

export function useUpdateAccount() {
  const { updateUser } = useAuth();
  return useMutation({
    mutationFn: (body: AccountUpdate) => trust.account.update(body),
    onSuccess: (user: AccountUser) => updateUser(user),
  });
}

/** Every other session ends on the server; this one carries on with the fresh pair the answer brings. */
export function useChangePassword() {
  return useMutation({
    mutationFn: ({ oldPassword, newPassword }: { oldPassword: string; newPassword: string }) =>
      trust.account.changePassword(oldPassword, newPassword),
    onSuccess: (tokens) => {
      if (tokens?.access && tokens.refresh) client.session.setTokens(tokens.access, tokens.refresh);
    },
  });
}

/** Ends every session of the account; this device continues on the fresh pair. */
export function useLogoutEverywhere() {
  return useMutation({
    mutationFn: (password: string) => trust.account.logoutEverywhere(password),
    onSuccess: (tokens) => {
      if (tokens?.access && tokens.refresh) client.session.setTokens(tokens.access, tokens.refresh);
    },
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => trust.account.resendVerification() });
}

/** Re-reads the signed-in user (e.g. `email_verified` after the link was opened in another tab). */
export function useRefreshMe() {
  const { updateUser } = useAuth();
  return useMutation({ mutationFn: () => api.auth.me(), onSuccess: updateUser });
}

export function useVerification(profileId: number | null) {
  return useQuery({
    queryKey: verificationKey(profileId ?? 0),
    enabled: profileId !== null,
    queryFn: () => trust.verification.get(profileId!),
  });
}

export function useSubmitVerification(profileId: number) {
  const qc = useQueryClient();
  const { user } = useAuth();
  return useMutation({
    mutationFn: ({ documents, note }: { documents: File[]; note: string }) =>
      trust.verification.submit(profileId, documents, note),
    onSuccess: (v) => {
      qc.setQueryData(verificationKey(profileId), v);
      void qc.invalidateQueries({ queryKey: queryKeys.vendorProfile.mine(user?.id ?? 0) });
    },
  });
}

export function useReportReview() {
  return useMutation({
    mutationFn: ({ reviewId, reason }: { reviewId: number; reason: string }) => trust.reviews.report(reviewId, reason),
  });
}

/** Setting or removing a reply refreshes every review list that shows it. */
export function useReviewReply() {
  const qc = useQueryClient();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: queryKeys.services.all });
    void qc.invalidateQueries({ queryKey: queryKeys.reviews.all });
  };
  const save = useMutation({
    mutationFn: ({ reviewId, text }: { reviewId: number; text: string }) => trust.reviews.reply(reviewId, text),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ reviewId }: { reviewId: number }) => trust.reviews.deleteReply(reviewId),
    onSuccess: refresh,
  });
  return { save, remove };
}
