/**
 * Account recovery, email verification, vendor verification, review reports
 * and replies (API.md: "Account recovery and email verification", "Vendor
 * verification", "Review reports and replies", and the account endpoints of
 * "Accounts and tokens").
 *
 * The shapes are written from the contract because the backend lands in the
 * same round; the fields the existing generated types lack are added here as
 * optional, so the app reads them when the server sends them and never breaks
 * when an older server does not.
 */
import type { ApiClient } from './client';
import type { Review, User, VendorProfile } from './types';

export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected';

/** The user object with the email state (`email_verified`). */
export type AccountUser = User & { email_verified?: boolean };

/** A vendor profile with its verification state (the reason only for its owner and admins). */
export type TrustedProfile = VendorProfile & {
  verification_status?: VerificationStatus;
  verification_reason?: string;
};

export interface VendorReply {
  text: string;
  created_at: string;
  updated_at: string;
}

/** A review with the vendor's answer, and `removed` (only its author sees a removed review). */
export type TrustedReview = Review & { vendor_reply?: VendorReply | null; removed?: boolean };

export interface VerificationDocument {
  id: number;
  url: string;
  content_type: string;
  size: number;
}

export interface Verification {
  verification_status: VerificationStatus;
  verification_reason: string;
  note: string;
  documents: VerificationDocument[];
}

export interface AccountUpdate {
  first_name?: string;
  last_name?: string;
  phone_number?: string;
}

export interface Detail {
  detail?: string;
}

export function trustEndpoints(client: ApiClient) {
  return {
    account: {
      update: (body: AccountUpdate) => client.patch<AccountUser>('/api/users/me/', body),
      changePassword: (old_password: string, new_password: string) =>
        client.post<{ access: string; refresh: string }>('/api/users/me/password/', { old_password, new_password }),
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
      report: (reviewId: number, reason: string) => client.post<unknown>(`/api/reviews/${reviewId}/report/`, { reason }),
      reply: (reviewId: number, text: string) =>
        client.request<TrustedReview>(`/api/reviews/${reviewId}/reply/`, { method: 'PUT', body: { text } }),
      deleteReply: (reviewId: number) => client.delete(`/api/reviews/${reviewId}/reply/`),
    },
  };
}

export type TrustEndpoints = ReturnType<typeof trustEndpoints>;
