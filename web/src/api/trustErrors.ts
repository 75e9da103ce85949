import { isApiError } from './errors';

/**
 * A refused reset whose complaint is about the link itself (uid or token)
 * rather than the new password: the link is spent (used, expired, or the
 * password changed since), and asking for a new one is the only way forward.
 */
export function linkIsDead(error: unknown): boolean {
  if (!isApiError(error) || error.kind !== 'validation') return false;
  const fields = Object.keys(error.fieldErrors);
  if (fields.includes('new_password')) return false;
  return fields.includes('token') || fields.includes('uid') || error.formErrors.length > 0;
}

/** A second report of the same review is refused (400); for the user it is the same outcome as the first. */
export function alreadyReported(error: unknown): boolean {
  if (!isApiError(error) || error.kind !== 'validation') return false;
  return /already reported/i.test([...error.formErrors, ...Object.values(error.fieldErrors).flat()].join(' '));
}
