import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './errors';
import { alreadyReported, linkIsDead } from './trustErrors';

const refused = (status: number, body: unknown) => errorFromResponse(status, new Headers(), body);

describe('a password reset link that no longer works', () => {
  it('is dead when the server refuses the token', () => {
    expect(linkIsDead(refused(400, { token: ['This link is invalid or has expired.'] }))).toBe(true);
    expect(linkIsDead(refused(400, { uid: ['Invalid link.'] }))).toBe(true);
  });

  it('is alive when only the new password was refused, so the form stays', () => {
    expect(linkIsDead(refused(400, { new_password: ['This password is too common.'] }))).toBe(false);
    expect(linkIsDead(refused(400, { token: ['x'], new_password: ['This password is too short.'] }))).toBe(false);
  });

  it('is not judged dead on throttling, server or network trouble', () => {
    expect(linkIsDead(refused(429, { detail: 'Slow down.' }))).toBe(false);
    expect(linkIsDead(refused(500, null))).toBe(false);
    expect(linkIsDead(new Error('boom'))).toBe(false);
  });
});

describe('reporting a review twice', () => {
  it('reads the refusal of a second report as already done', () => {
    expect(alreadyReported(refused(400, { non_field_errors: ['You have already reported this review.'] }))).toBe(true);
    expect(alreadyReported(refused(400, { reason: ['Ensure this field has no more than 500 characters.'] }))).toBe(false);
    expect(alreadyReported(refused(403, { detail: 'You cannot report your own review.' }))).toBe(false);
    expect(alreadyReported(refused(400, { non_field_errors: ['This review has already been removed.'] }))).toBe(false);
  });
});
