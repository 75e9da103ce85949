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

test('on a phone the page check fails a page wider than the screen, though the browser widens its window to fit it', async ({ page, check }) => {
  test.skip(test.info().project.name !== 'phone', 'the sideways-scroll check is for phone widths');
  await page.goto('/');
  await expect(page.locator('main')).toBeVisible();
  await check(page, 'check-fits-phone');
  // Something 500 px wide: the phone browser zooms out, so innerWidth follows it.
  await page.locator('main').evaluate((main) => {
    const wide = document.createElement('div');
    wide.style.width = '500px';
    wide.style.height = '1px';
    main.append(wide);
  });
  await expect.poll(() => page.evaluate(() => window.innerWidth)).toBeGreaterThan(375);
  await expect(check(page, 'check-too-wide')).rejects.toThrow(/wider than the 375 px screen/);
});
