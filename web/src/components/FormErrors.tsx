import { isApiError } from '../api/errors';
import { Notice } from './Notice';

/**
 * The messages of a failed request that belong at the top of a form:
 * non_field_errors, detail, 403/404/429 wording, and field errors for fields
 * the form does not show.
 */
export function FormErrors({ error, fields = [] }: { error: unknown; fields?: readonly string[] }) {
  if (!error) return null;
  const messages = isApiError(error) ? error.topMessages(fields) : ['Something unexpected happened. Please try again.'];
  // When every message has a field beside it, a short pointer is enough.
  const onlyFieldErrors = isApiError(error) && error.formErrors.length === 0 && Object.keys(error.fieldErrors).every((f) => fields.includes(f));
  if (onlyFieldErrors && Object.keys((error as { fieldErrors: object }).fieldErrors).length > 0) {
    return <Notice tone="error">Please correct the highlighted fields.</Notice>;
  }
  return (
    <Notice tone="error">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

export function fieldErrors(error: unknown, name: string): string[] {
  return isApiError(error) ? error.field(name) : [];
}
