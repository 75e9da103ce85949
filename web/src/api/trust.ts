/**
 * Account recovery, email verification, vendor verification, review reports
 * and replies (API.md: "Account recovery and email verification", "Vendor
 * verification", "Review reports and replies", and the account endpoints of
 * "Accounts and tokens").
 *
 * The shapes come from the generated schema (schema.d.ts).
 */
import type { ApiClient } from './client';
import type { components } from './schema';
import type { Review, User, VendorProfile } from './types';

type Schemas = components['schemas'];

export type VerificationStatus = Schemas['VerificationStatusEnum'];
/** The user object with the email state (`email_verified`). */
export type AccountUser = User;
/** A vendor profile with its verification state (the reason only for its owner and admins). */
export type TrustedProfile = VendorProfile;
export type VendorReply = Schemas['VendorReply'];
/** A review with the vendor's answer, and `removed` (only its author sees a removed review). */
export type TrustedReview = Review;
export type VerificationDocument = Schemas['VerificationDocument'];
export type Verification = Schemas['Verification'];
export type TokenPair = Schemas['TokenPair'];

export type AccountUpdate = Schemas['PatchedUserRequest'];

export interface Detail {
  detail?: string;
}

export function trustEndpoints(client: ApiClient) {
  return {
    account: {
      update: (body: AccountUpdate) => client.patch<AccountUser>('/api/users/me/', body),
      changePassword: (old_password: string, new_password: string) =>
        client.post<TokenPair>('/api/users/me/password/', { old_password, new_password }),
      logoutEverywhere: (password: string) =>
        client.post<TokenPair>('/api/users/me/logout-everywhere/', { password }),
      resendVerification: () => client.post<Detail>('/api/users/me/verify-email/', {}),
    },
    recovery: {
      requestReset: (email: string) => client.post<Detail>('/api/users/password-reset/', { email }, { auth: false }),
      confirmReset: (uid: string, token: string, new_password: string) =>
        client.post<Detail>('/api/users/password-reset/confirm/', { uid, token, new_password }, { auth: false }),
      verifyEmail: (uid: string, token: string) =>
        client.post<Detail>('/api/users/verify-email/', { uid, token }, { auth: false }),
    },
    verification: {
      /** The caller's own profile, even while an admin has hidden it (404 when they have none). */
      mine: () => client.get<TrustedProfile>('/api/vendor-profiles/mine/'),
      get: (profileId: number) => client.get<Verification>(`/api/vendor-profiles/${profileId}/verification/`),
      submit: (profileId: number, documents: File[], note: string) => {
        const fd = new FormData();
        for (const file of documents) fd.append('documents', file);
        if (note) fd.append('note', note);
        return client.post<Verification>(`/api/vendor-profiles/${profileId}/verification/`, fd);
      },
      /** A private document: fetched with the session's token (a plain link would be refused). */
      document: (url: string) => client.download(new URL(url, window.location.origin).pathname),
    },
    reviews: {
      report: (reviewId: number, reason: string) => client.post<Schemas['ReviewReport']>(`/api/reviews/${reviewId}/report/`, { reason }),
      reply: (reviewId: number, text: string) =>
        client.request<TrustedReview>(`/api/reviews/${reviewId}/reply/`, { method: 'PUT', body: { text } }),
      deleteReply: (reviewId: number) => client.delete(`/api/reviews/${reviewId}/reply/`),
    },
  };
}

export type TrustEndpoints = ReturnType<typeof trustEndpoints>;
