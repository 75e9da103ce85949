import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { endpoints } from './endpoints';
import { ApiError } from './errors';
import { CheckoutAttempt } from './idempotency';
import { MemoryStorage, STORAGE_KEYS } from './session';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function setup(handler: Handler, tokens = { access: 'old-access', refresh: 'refresh-1' }) {
  const storage = new MemoryStorage();
  storage.setItem(STORAGE_KEYS.access, tokens.access);
  storage.setItem(STORAGE_KEYS.refresh, tokens.refresh);
  storage.setItem(STORAGE_KEYS.user, JSON.stringify({ id: 1, email: 's@x.io', user_type: 'student' }));
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(handler(String(input), init ?? {})));
  const onSessionExpired = vi.fn();
  const client = new ApiClient({ storage, fetch: fetchMock as unknown as typeof fetch, onSessionExpired, retryDelayMs: 0 });
  return { client, storage, fetchMock, onSessionExpired };
}

function authHeader(init: RequestInit): string | undefined {
  return (init.headers as Record<string, string> | undefined)?.Authorization;
}

describe('token refresh', () => {
  it('shares one refresh call among parallel requests that all get 401, then retries each once', async () => {
    let refreshCalls = 0;
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((r) => (releaseRefresh = r));
    const { client, storage, fetchMock } = setup(async (url, init) => {
      if (url === '/api/token/refresh/') {
        refreshCalls++;
        expect(JSON.parse(String(init.body))).toEqual({ refresh: 'refresh-1' });
        await refreshGate; // keep the refresh in flight until every request has failed
        return json(200, { access: 'new-access', refresh: 'refresh-2' });
      }
      if (authHeader(init) === 'Bearer new-access') return json(200, { url });
      return json(401, { detail: 'Given token not valid for any token type', code: 'token_not_valid' });
    });

    const pending = ['/api/orders/', '/api/users/me/', '/api/orders/summary/', '/api/reviews/'].map((p) =>
      client.get<{ url: string }>(p),
    );
    // Let all four fail with 401 before the refresh answers.
    await vi.waitFor(() => expect(fetchMock.mock.calls.length).toBe(5));
    releaseRefresh();
    const results = await Promise.all(pending);

    expect(refreshCalls).toBe(1);
    expect(results.map((r) => r.url)).toEqual(['/api/orders/', '/api/users/me/', '/api/orders/summary/', '/api/reviews/']);
    // 4 originals + 1 refresh + 4 retries
    expect(fetchMock).toHaveBeenCalledTimes(9);
    expect(storage.getItem(STORAGE_KEYS.access)).toBe('new-access');
    expect(storage.getItem(STORAGE_KEYS.refresh)).toBe('refresh-2');
  });

  it('does not refresh again when a 401 arrives after another request already refreshed', async () => {
    let refreshCalls = 0;
    let slowRelease!: () => void;
    const slowGate = new Promise<void>((r) => (slowRelease = r));
    const { client } = setup(async (url, init) => {
      if (url === '/api/token/refresh/') {
        refreshCalls++;
        return json(200, { access: 'new-access', refresh: 'refresh-2' });
      }
      if (url === '/api/slow/' && authHeader(init) === 'Bearer old-access') {
        await slowGate;
        return json(401, { detail: 'expired' });
      }
      if (authHeader(init) === 'Bearer new-access') return json(200, { ok: url });
      return json(401, { detail: 'expired' });
    });
    const slow = client.get('/api/slow/');
    await expect(client.get('/api/fast/')).resolves.toEqual({ ok: '/api/fast/' });
    slowRelease();
    await expect(slow).resolves.toEqual({ ok: '/api/slow/' });
    expect(refreshCalls).toBe(1);
  });

  it('retries only once: a second 401 is reported, not looped', async () => {
    let refreshCalls = 0;
    const { client, fetchMock } = setup((url) => {
      if (url === '/api/token/refresh/') {
        refreshCalls++;
        return json(200, { access: 'new-access', refresh: 'refresh-2' });
      }
      return json(401, { detail: 'nope' });
    });
    await expect(client.get('/api/users/me/')).rejects.toMatchObject({ status: 401, kind: 'unauthorized' });
    expect(refreshCalls).toBe(1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('clears the session and signals once when the refresh is refused', async () => {
    const { client, storage, onSessionExpired } = setup((url) => {
      if (url === '/api/token/refresh/') return json(401, { detail: 'Token is blacklisted', code: 'token_not_valid' });
      return json(401, { detail: 'expired' });
    });
    const results = await Promise.allSettled([client.get('/api/a/'), client.get('/api/b/')]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(storage.getItem(STORAGE_KEYS.access)).toBeNull();
    expect(storage.getItem(STORAGE_KEYS.refresh)).toBeNull();
    expect(storage.getItem(STORAGE_KEYS.user)).toBeNull();
  });

  it('uses the tokens another tab stored when its own refresh loses the race', async () => {
    const { client, storage, onSessionExpired } = setup((url, init) => {
      if (url === '/api/token/refresh/') {
        // The other tab rotated the token while our refresh was in flight.
        storage.setItem(STORAGE_KEYS.access, 'tab-b-access');
        storage.setItem(STORAGE_KEYS.refresh, 'tab-b-refresh');
        return json(401, { detail: 'Token is blacklisted' });
      }
      if (authHeader(init) === 'Bearer tab-b-access') return json(200, { ok: true });
      return json(401, { detail: 'expired' });
    });
    await expect(client.get('/api/users/me/')).resolves.toEqual({ ok: true });
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(storage.getItem(STORAGE_KEYS.refresh)).toBe('tab-b-refresh');
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    const { client, storage, onSessionExpired } = setup((url) => {
      if (url === '/api/token/refresh/') throw new TypeError('Failed to fetch');
      return json(401, { detail: 'expired' });
    });
    await expect(client.get('/api/a/')).rejects.toMatchObject({ kind: 'network' });
    expect(onSessionExpired).not.toHaveBeenCalled();
    expect(storage.getItem(STORAGE_KEYS.refresh)).toBe('refresh-1');
  });

  it('does not try to refresh for requests sent without auth (login)', async () => {
    const { client, fetchMock } = setup(() => json(401, { detail: 'No active account found with the given credentials' }));
    const api = endpoints(client);
    await expect(api.auth.login('a@b.c', 'x')).rejects.toMatchObject({
      status: 401,
      formErrors: ['No active account found with the given credentials'],
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(authHeader(fetchMock.mock.calls[0][1] as RequestInit)).toBeUndefined();
  });
});

describe('dead session (both tokens expired)', () => {
  function deadSession() {
    return setup((url, init) => {
      if (url === '/api/token/refresh/') return json(401, { detail: 'Token is invalid or expired', code: 'token_not_valid' });
      // Like the server: any token that is sent must be valid; none is fine for public reads.
      if (authHeader(init)) return json(401, { detail: 'Given token not valid for any token type', code: 'token_not_valid' });
      if (url.startsWith('/api/services/')) return json(200, { count: 0, results: [] });
      return json(401, { detail: 'Authentication credentials were not provided.' });
    });
  }

  it('re-asks a public read without the token once the refresh is refused', async () => {
    const { client, fetchMock, storage, onSessionExpired } = deadSession();
    await expect(client.get('/api/services/', { page: 1 })).resolves.toEqual({ count: 0, results: [] });
    const calls = fetchMock.mock.calls.map(([u, init]) => [String(u), authHeader(init as RequestInit) ?? null]);
    expect(calls).toEqual([
      ['/api/services/?page=1', 'Bearer old-access'],
      ['/api/token/refresh/', null],
      ['/api/services/?page=1', null],
    ]);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(storage.getItem(STORAGE_KEYS.access)).toBeNull();
  });

  it('still reports 401 for a private read, after one anonymous try', async () => {
    const { client, onSessionExpired } = deadSession();
    await expect(client.get('/api/orders/')).rejects.toMatchObject({ status: 401, kind: 'unauthorized' });
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('never resends a write without the token', async () => {
    const { client, fetchMock } = deadSession();
    await expect(client.post('/api/services/1/update_availability/', { availability_status: 'busy' })).rejects.toMatchObject({ status: 401 });
    // The write, the refused refresh, and nothing more.
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('falls back anonymously when only an expired access token is stored', async () => {
    const { client, storage, fetchMock, onSessionExpired } = deadSession();
    storage.removeItem(STORAGE_KEYS.refresh);
    await expect(client.get('/api/services/7/')).resolves.toEqual({ count: 0, results: [] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    expect(storage.getItem(STORAGE_KEYS.access)).toBeNull();
  });

  it('shares one refresh among parallel public reads and signals the end once', async () => {
    const { client, fetchMock, onSessionExpired } = deadSession();
    const pages = await Promise.all([client.get('/api/services/'), client.get('/api/services/1/'), client.get('/api/services/2/reviews/')]);
    expect(pages).toHaveLength(3);
    expect(fetchMock.mock.calls.filter(([u]) => String(u) === '/api/token/refresh/')).toHaveLength(1);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });
});

describe('error mapping', () => {
  async function failWith(res: Response): Promise<ApiError> {
    const { client } = setup(() => res);
    try {
      await client.post('/api/x/', { a: 1 });
    } catch (e) {
      return e as ApiError;
    }
    throw new Error('expected a rejection');
  }

  it('puts DRF field errors beside their fields and non_field_errors at the top', async () => {
    const err = await failWith(
      json(400, { email: ['Enter a valid email address.'], password: ['This password is too short.', 'Too common.'], non_field_errors: ['Bad combo.'] }),
    );
    expect(err.kind).toBe('validation');
    expect(err.field('email')).toEqual(['Enter a valid email address.']);
    expect(err.field('password')).toEqual(['This password is too short.', 'Too common.']);
    expect(err.formErrors).toEqual(['Bad combo.']);
    expect(err.topMessages(['email', 'password'])).toEqual(['Bad combo.']);
  });

  it('surfaces fields the form does not show, and flattens nested item errors', async () => {
    const err = await failWith(json(400, { items: [{}, { quantity: ['Ensure this value is less than or equal to 100.'] }] }));
    expect(err.field('items')).toEqual(['#2 Quantity: Ensure this value is less than or equal to 100.']);
    expect(err.topMessages([])).toEqual(['Items: #2 Quantity: Ensure this value is less than or equal to 100.']);
  });

  it('uses detail as the message', async () => {
    const err = await failWith(json(400, { detail: 'This service is not accepting orders.' }));
    expect(err.formErrors).toEqual(['This service is not accepting orders.']);
    expect(err.message).toBe('This service is not accepting orders.');
  });

  it('maps 403 and 404 to clear messages', async () => {
    const forbidden = await failWith(json(403, { detail: 'You do not have permission to perform this action.' }));
    expect(forbidden.kind).toBe('forbidden');
    expect(forbidden.formErrors).toEqual(['You do not have permission to perform this action.']);
    const missing = await failWith(json(404, { detail: 'No Order matches the given query.' }));
    expect(missing.kind).toBe('not_found');
    const bare404 = await failWith(new Response('<h1>Not Found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    expect(bare404.formErrors).toEqual(['We could not find what you were looking for.']);
  });

  it('maps 429 with Retry-After to a wait the user can act on', async () => {
    const err = await failWith(json(429, { detail: 'Request was throttled. Expected available in 42 seconds.' }, { 'Retry-After': '42' }));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfter).toBe(42);
    expect(err.formErrors).toEqual(['Too many requests. Please try again in 42 seconds.']);
    const long = await failWith(json(429, {}, { 'Retry-After': '600' }));
    expect(long.message).toBe('Too many requests. Please try again in 10 minutes.');
  });

  it('never shows a raw server body for 5xx', async () => {
    const err = await failWith(new Response('<html>Traceback ...</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));
    expect(err.kind).toBe('server');
    expect(err.topMessages()).toEqual(['Something went wrong on our side. Please try again shortly.']);
  });

  it('reports a network failure as kind network', async () => {
    const { client } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.get('/api/x/')).rejects.toMatchObject({ kind: 'network', status: 0 });
  });
});

describe('checkout idempotency', () => {
  it('resends the order with the same Idempotency-Key after a network error', async () => {
    let calls = 0;
    const { client, fetchMock } = setup(() => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return json(201, { id: 7, order_status: 'pending' });
    });
    const api = endpoints(client);
    const order = await api.orders.create({ service: 1, items: [{ service_item: 2, quantity: 1 }] }, 'key-123');
    expect(order).toMatchObject({ id: 7 });
    const keys = fetchMock.mock.calls.map((c) => ((c[1] as RequestInit).headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toEqual(['key-123', 'key-123']);
  });

  it('reports a network error after its retries, and a user retry reuses the key', async () => {
    let up = false;
    const { client, fetchMock } = setup(() => {
      if (!up) throw new TypeError('Failed to fetch');
      return json(200, { id: 7 }); // the server answers a replayed key with the first order
    });
    const api = endpoints(client);
    const attempt = new CheckoutAttempt(() => crypto.randomUUID());
    const body = { service: 1, items: [{ service_item: 2, quantity: 1 }] };
    await expect(api.orders.create(body, attempt.keyFor(body))).rejects.toMatchObject({ kind: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(3); // first try + 2 automatic resends
    up = true;
    await expect(api.orders.create(body, attempt.keyFor(body))).resolves.toMatchObject({ id: 7 });
    const keys = new Set(fetchMock.mock.calls.map((c) => ((c[1] as RequestInit).headers as Record<string, string>)['Idempotency-Key']));
    expect(keys.size).toBe(1);
  });

  it('keeps the key across a 401 refresh-and-retry', async () => {
    const { client, fetchMock } = setup((url, init) => {
      if (url === '/api/token/refresh/') return json(200, { access: 'new-access', refresh: 'refresh-2' });
      if (authHeader(init) !== 'Bearer new-access') return json(401, { detail: 'expired' });
      return json(201, { id: 9 });
    });
    await endpoints(client).orders.create({ service: 1, items: [{ service_item: 2, quantity: 3 }] }, 'key-abc');
    const orderCalls = fetchMock.mock.calls.filter((c) => String(c[0]) === '/api/orders/');
    expect(orderCalls).toHaveLength(2);
    for (const c of orderCalls) {
      expect(((c[1] as RequestInit).headers as Record<string, string>)['Idempotency-Key']).toBe('key-abc');
    }
  });
});
