import { ApiError, errorFromResponse, networkError } from './errors';
import { SessionStore, type KeyValueStorage } from './session';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Plain objects are sent as JSON; FormData as multipart (the browser sets the boundary). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Send the access token (default true). Public reads still work without a session. */
  auth?: boolean;
  /**
   * Times to resend the same request after a network failure (no response).
   * Only for requests that are safe to repeat, e.g. a POST carrying an Idempotency-Key.
   */
  networkRetries?: number;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  storage: KeyValueStorage;
  fetch?: typeof fetch;
  baseUrl?: string;
  /** Called once when a refresh is refused: the session is gone and was cleared. */
  onSessionExpired?: () => void;
  /** Pause before a network retry, in ms (tests pass 0). */
  retryDelayMs?: number;
}

const REFRESH_PATH = '/api/token/refresh/';

/**
 * The one way the app talks to the API.
 *
 * Adds `Authorization: Bearer <access>`; on a 401 it refreshes the access token
 * and retries the request once. Refreshes are single-flight: the refresh token
 * rotates and the old one is blacklisted at once, so parallel requests that all
 * got a 401 must share one refresh call, or the second call would be refused
 * and log the user out.
 */
export class ApiClient {
  readonly session: SessionStore;
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;
  private readonly retryDelayMs: number;
  private onSessionExpired: (() => void) | undefined;
  private refreshInFlight: Promise<string | null> | null = null;

  constructor(options: ApiClientOptions) {
    this.session = new SessionStore(options.storage);
    // Bind so window.fetch is not called with the client as `this`.
    const f = options.fetch ?? globalThis.fetch;
    this.fetchImpl = (input, init) => f(input, init);
    this.baseUrl = options.baseUrl ?? '';
    this.onSessionExpired = options.onSessionExpired;
    this.retryDelayMs = options.retryDelayMs ?? 400;
  }

  setSessionExpiredHandler(handler: (() => void) | undefined): void {
    this.onSessionExpired = handler;
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null || v === '') continue;
      params.set(k, String(v));
    }
    const qs = params.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.parse<T>(await this.respond(path, options));
  }

  /**
   * A file the server sends as an attachment (a CSV report): its bytes and the
   * name from `Content-Disposition`, with the same token, refresh and errors as
   * every JSON call.
   */
  async download(path: string, query?: Record<string, QueryValue>): Promise<{ blob: Blob; filename: string | null }> {
    const response = await this.respond(path, { method: 'GET', query });
    if (!response.ok) throw errorFromResponse(response.status, response.headers, await readBody(response));
    return { blob: await response.blob(), filename: filenameFrom(response.headers.get('Content-Disposition')) };
  }

  private async respond(path: string, options: RequestOptions): Promise<Response> {
    const useAuth = options.auth !== false;
    const tokenSent = useAuth ? this.session.access : null;
    let response = await this.send(path, options, tokenSent);

    if (response.status === 401 && useAuth && (tokenSent || this.session.refresh)) {
      const fresh = this.session.refresh ? await this.freshAccessToken(tokenSent) : null;
      if (fresh) {
        response = await this.send(path, options, fresh);
      } else if (tokenSent && isRead(options)) {
        // The session is over (refresh refused, or no refresh token to try), but
        // a public read needs none: ask again anonymously instead of failing the
        // catalogue for someone who is merely logged out.
        if (this.session.access === tokenSent) this.endSession();
        response = await this.send(path, options, null);
      }
    }
    return response;
  }

  get<T>(path: string, query?: Record<string, QueryValue>, options: Omit<RequestOptions, 'query' | 'method'> = {}) {
    return this.request<T>(path, { ...options, method: 'GET', query });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body' | 'method'> = {}) {
    return this.request<T>(path, { ...options, method: 'POST', body });
  }

  patch<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body' | 'method'> = {}) {
    return this.request<T>(path, { ...options, method: 'PATCH', body });
  }

  put<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body' | 'method'> = {}) {
    return this.request<T>(path, { ...options, method: 'PUT', body });
  }

  delete<T = void>(path: string, options: Omit<RequestOptions, 'body' | 'method'> = {}) {
    return this.request<T>(path, { ...options, method: 'DELETE' });
  }

  /**
   * An access token newer than `stale`: if another request already refreshed
   * it, use that one; otherwise join (or start) the single refresh in flight.
   * Resolves to null when the session is over.
   */
  private async freshAccessToken(stale: string | null): Promise<string | null> {
    const current = this.session.access;
    if (current && current !== stale && !this.refreshInFlight) return current;
    if (!this.refreshInFlight) {
      this.refreshInFlight = this.doRefresh().finally(() => {
        this.refreshInFlight = null;
      });
    }
    return this.refreshInFlight;
  }

  private async doRefresh(): Promise<string | null> {
    const refresh = this.session.refresh;
    if (!refresh) return null;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(REFRESH_PATH), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refresh }),
      });
    } catch (cause) {
      // No answer: the session may still be fine, so keep it and report the outage.
      throw networkError(cause);
    }
    if (response.ok) {
      const data = (await response.json()) as { access: string; refresh?: string };
      this.session.setTokens(data.access, data.refresh);
      return data.access;
    }
    if (response.status === 401 || response.status === 400 || response.status === 403) {
      // Another tab may have rotated the token first (storage is shared): use its result.
      const rotated = this.session.refresh;
      if (rotated && rotated !== refresh && this.session.access) return this.session.access;
      // Refused (expired, blacklisted, user deactivated): the session is over.
      this.endSession();
      return null;
    }
    throw errorFromResponse(response.status, response.headers, await readBody(response));
  }

  /** Clears the stored session and tells the app, which sends the user to log in. */
  endSession(): void {
    this.session.clear();
    this.onSessionExpired?.();
  }

  private async send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) };
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) {
      body = options.body;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    if (token) headers.Authorization = `Bearer ${token}`;

    const attempts = 1 + (options.networkRetries ?? 0);
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0 && this.retryDelayMs > 0) await sleep(this.retryDelayMs * attempt);
      try {
        return await this.fetchImpl(this.url(path, options.query), {
          method: options.method ?? 'GET',
          headers,
          body,
          signal: options.signal,
        });
      } catch (cause) {
        if (options.signal?.aborted) throw cause;
        lastError = cause;
      }
    }
    throw networkError(lastError);
  }

  private async parse<T>(response: Response): Promise<T> {
    const body = await readBody(response);
    if (!response.ok) throw errorFromResponse(response.status, response.headers, body);
    return body as T;
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
  return text;
}

/** The file name of `attachment; filename="orders.csv"` (RFC 6266 `filename*` first), or null. */
export function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed encoding: fall back to the plain name below.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  return plain ? (plain[2] ?? plain[1]).trim() || null : null;
}

function isRead(options: RequestOptions): boolean {
  return (options.method ?? 'GET') === 'GET';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { ApiError };
