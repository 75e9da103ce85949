import { expect, test } from './support/fixtures';

test('the web app is served at / and for client routes, never for unknown API paths', async ({ request }) => {
  for (const path of ['/', '/orders/123', '/vendor/services/new']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(await res.text(), `${path} should serve index.html`).toContain('<div id="root">');
  }
  const res = await request.get('/api/does-not-exist/');
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain('<div id="root">');
});
