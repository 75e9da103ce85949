/**
 * One error type for everything the API client can fail with, already mapped
 * to what a person should read: field messages go beside their inputs, the
 * rest at the top of the form or page. Raw response bodies never reach the UI.
 */
export type FieldErrors = Record<string, string[]>;

export type ApiErrorKind =
  | 'validation' // 400/422 with messages
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'network' // no response at all
  | 'unknown';

export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  /** Messages for named request fields, e.g. `{ email: ['Enter a valid email.'] }`. */
  readonly fieldErrors: FieldErrors;
  /** Messages that belong at the top of a form: `non_field_errors`, `detail`, or a summary. */
  readonly formErrors: string[];
  /** Seconds to wait before retrying, from `Retry-After` on a 429. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    kind: ApiErrorKind;
    message: string;
    fieldErrors?: FieldErrors;
    formErrors?: string[];
    retryAfter?: number | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.kind = init.kind;
    this.fieldErrors = init.fieldErrors ?? {};
    this.formErrors = init.formErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** Messages for `field`, or an empty list. */
  field(name: string): string[] {
    return this.fieldErrors[name] ?? [];
  }

  /**
   * Everything to show at the top of a form: form-level messages plus field
   * messages for fields the form does not render (so none are lost).
   */
  topMessages(renderedFields: readonly string[] = []): string[] {
    const rest = Object.entries(this.fieldErrors)
      .filter(([name]) => !renderedFields.includes(name))
      .flatMap(([name, msgs]) => msgs.map((m) => `${humanize(name)}: ${m}`));
    const top = [...this.formErrors, ...rest];
    return top.length > 0 ? top : [this.message];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function humanize(field: string): string {
  const s = field.replace(/[_.]/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Flattens DRF messages (strings, lists, nested objects/lists of them) to strings. */
function flattenMessages(value: unknown, prefix = ''): string[] {
  if (value == null) return [];
  if (typeof value === 'string') return [prefix + value];
  if (typeof value === 'number' || typeof value === 'boolean') return [prefix + String(value)];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => {
      // Lists of objects are per-row errors, e.g. items: [{}, {quantity: [...]}]
      const rowPrefix = v !== null && typeof v === 'object' && !Array.isArray(v) ? `${prefix}#${i + 1} ` : prefix;
      return flattenMessages(v, rowPrefix);
    });
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      k === 'non_field_errors' || k === 'detail' ? flattenMessages(v, prefix) : flattenMessages(v, `${prefix}${humanize(k)}: `),
    );
  }
  return [];
}

/** Parses a `Retry-After` header: delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const KIND_BY_STATUS: Record<number, ApiErrorKind> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'validation',
  422: 'validation',
  429: 'rate_limited',
};

const DEFAULT_MESSAGE: Record<ApiErrorKind, string> = {
  validation: 'Please check the highlighted fields.',
  unauthorized: 'Your session has ended. Please log in again.',
  forbidden: 'You do not have permission to do that.',
  not_found: 'We could not find what you were looking for.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  server: 'Something went wrong on our side. Please try again shortly.',
  network: 'Could not reach the server. Check your connection and try again.',
  unknown: 'Something unexpected happened. Please try again.',
};

/**
 * Maps a non-2xx response (status, headers, parsed body or null) to an ApiError.
 * DRF bodies: `{"field": ["msg"]}`, `{"non_field_errors": [...]}`, `{"detail": "..."}`,
 * or a bare list of messages.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): ApiError {
  const kind: ApiErrorKind = KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'unknown');
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];

  if (kind !== 'server') {
    if (typeof body === 'string' && body.trim() && body.length < 300 && !body.trimStart().startsWith('<')) {
      formErrors.push(body.trim());
    } else if (Array.isArray(body)) {
      formErrors.push(...flattenMessages(body));
    } else if (body && typeof body === 'object') {
      const obj = body as Record<string, unknown>;
      for (const [key, value] of Object.entries(obj)) {
        if (key === 'detail' || key === 'non_field_errors' || key === 'message' || key === 'error') {
          formErrors.push(...flattenMessages(value));
        } else if (key === 'code' || key === 'status_code' || key === 'status') {
          // machine-readable codes are not for people
        } else if (key === 'errors' && value && typeof value === 'object' && !Array.isArray(value)) {
          // a wrapped shape {detail, errors: {field: [...]}}
          for (const [f, v] of Object.entries(value as Record<string, unknown>)) {
            if (f === 'non_field_errors' || f === 'detail') formErrors.push(...flattenMessages(v));
            else fieldErrors[f] = [...(fieldErrors[f] ?? []), ...flattenMessages(v)];
          }
        } else {
          fieldErrors[key] = flattenMessages(value);
        }
      }
    }
  }

  const retryAfter = status === 429 ? parseRetryAfter(headers.get('Retry-After')) : null;
  let message = DEFAULT_MESSAGE[kind];
  if (kind === 'rate_limited') {
    message =
      retryAfter != null
        ? `Too many requests. Please try again in ${formatWait(retryAfter)}.`
        : DEFAULT_MESSAGE.rate_limited;
    // DRF's throttle detail repeats the wait in its own words; ours is enough.
    formErrors.length = 0;
    formErrors.push(message);
  } else if (kind === 'forbidden' || kind === 'not_found') {
    if (formErrors.length === 0) formErrors.push(message);
  } else if (formErrors.length > 0 && Object.keys(fieldErrors).length === 0) {
    message = formErrors[0];
  }
  // Deduplicate while keeping order.
  const uniqueForm = [...new Set(formErrors)];
  return new ApiError({ status, kind, message, fieldErrors, formErrors: uniqueForm, retryAfter });
}

export function networkError(cause?: unknown): ApiError {
  const err = new ApiError({ status: 0, kind: 'network', message: DEFAULT_MESSAGE.network, formErrors: [DEFAULT_MESSAGE.network] });
  (err as { cause?: unknown }).cause = cause;
  return err;
}

/** A user-facing sentence for any thrown value. */
export function describeError(e: unknown): string {
  if (isApiError(e)) return e.formErrors[0] ?? e.message;
  return DEFAULT_MESSAGE.unknown;
}
