import { describe, expect, it, vi } from 'vitest';
import { ApiClient, filenameFrom } from './client';
import { ApiError } from './errors';
import { MemoryStorage, STORAGE_KEYS } from './session';

describe('downloads', () => {
  it('reads the file name from Content-Disposition', () => {
    expect(filenameFrom('attachment; filename="orders-2026-03-01-to-2026-03-31.csv"')).toBe('orders-2026-03-01-to-2026-03-31.csv');
    expect(filenameFrom('attachment; filename=report.csv')).toBe('report.csv');
    expect(filenameFrom("attachment; filename=\"a.csv\"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv")).toBe('résumé.csv');
    expect(filenameFrom('attachment')).toBeNull();
    expect(filenameFrom(null)).toBeNull();
  });

  it('sends the token, refreshes on a 401, and returns the bytes with the name', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEYS.access, 'old');
    storage.setItem(STORAGE_KEYS.refresh, 'r1');
    const seen: (string | undefined)[] = [];
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/token/refresh/') return new Response(JSON.stringify({ access: 'new', refresh: 'r2' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      const auth = (init?.headers as Record<string, string>).Authorization;
      seen.push(`${url} ${auth}`);
      if (auth === 'Bearer old') return new Response(JSON.stringify({ detail: 'expired' }), { status: 401, headers: { 'Content-Type': 'application/json' } });
      return new Response('order_id,placed_at\n1,x\n', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="orders.csv"' } });
    });
    const client = new ApiClient({ storage, fetch: fetchMock as unknown as typeof fetch, retryDelayMs: 0 });
    const file = await client.download('/api/orders/export/', { from: '2026-03-01', to: '2026-03-02' });
    expect(file.filename).toBe('orders.csv');
    expect(await file.blob.text()).toBe('order_id,placed_at\n1,x\n');
    expect(seen).toEqual([
      '/api/orders/export/?from=2026-03-01&to=2026-03-02 Bearer old',
      '/api/orders/export/?from=2026-03-01&to=2026-03-02 Bearer new',
    ]);
  });

  it('turns a refusal into an ApiError with the field message', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEYS.access, 'a');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ from: ['After to.'] }), { status: 400, headers: { 'Content-Type': 'application/json' } }));
    const client = new ApiClient({ storage, fetch: fetchMock as unknown as typeof fetch, retryDelayMs: 0 });
    await expect(client.download('/api/orders/export/', { from: '2026-03-09', to: '2026-03-01' })).rejects.toBeInstanceOf(ApiError);
  });
});
