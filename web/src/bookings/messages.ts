import { isApiError } from '../api/errors';

/**
 * A refused booking request in the API's own words: the field messages
 * ("This slot is fully booked") without field names, then the rest.
 */
export function refusalMessages(error: unknown): string[] {
  if (!isApiError(error)) return ['Something unexpected happened. Please try again.'];
  const messages = [...Object.values(error.fieldErrors).flat(), ...error.formErrors];
  return messages.length ? messages : error.topMessages();
}
