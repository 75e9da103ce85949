// A student's flows, each on its own fresh accounts and shop.
import { addToCart, allowConsole, openCart, expect, nav, orderCard, signIn, test, uniqueTag } from './support/fixtures';

test('a student registers, searches, orders two items and sees the order', async ({ page, check, shop }) => {
  await page.goto('/register');
  await check(page, 'register');
  await page.getByLabel('First name').fill('Erin');
  await page.getByLabel('Last name').fill('Tester');
  await page.getByLabel('Email').fill(`erin.${uniqueTag()}@e2e.campus`);
  // The server's password rules come back as a field error beside the field.
  await page.getByLabel('Password').fill('123');
  const stopAllowing = allowConsole(page, /status of 400/);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('.field-invalid', { has: page.getByLabel('Password') }).locator('.field-error').first()).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await check(page, 'register-errors');
  stopAllowing();
  await page.getByLabel('Password').fill('Sturdy-pass-2024!');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect(page.getByRole('heading', { name: 'Services on campus' })).toBeVisible();
  await check(page, 'catalogue');

  await page.getByLabel('Search').fill(shop.serviceName);
  await expect(page.getByText('1 service', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: shop.serviceName }).click();
  await expect(page.getByRole('heading', { level: 1, name: shop.serviceName })).toBeVisible();
  await expect(page.getByText(shop.businessName, { exact: true })).toBeVisible();
  await addToCart(page, 'Classic Burger');
  await addToCart(page, 'Fries');
  await addToCart(page, 'Fries');
  await check(page, 'service');
  await openCart(page);
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Fries' })).toHaveValue('2');
  await expect(page.getByText(/^GHS\s12\.00$/)).toBeVisible();
  await check(page, 'cart');

  // A double click must still place exactly one order (one Idempotency-Key).
  const orderPosts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/orders/') orderPosts.push(r.headers()['idempotency-key']);
  });
  await page.getByRole('button', { name: 'Place order' }).dblclick();
  await page.waitForURL(/\/orders\/\d+/);
  const orderId = Number(new URL(page.url()).pathname.split('/')[2]);
  expect(orderPosts.length).toBeGreaterThanOrEqual(1);
  expect(orderPosts[0], 'the order POST carries an Idempotency-Key').toBeTruthy();
  expect(new Set(orderPosts).size, `one Idempotency-Key expected, got ${JSON.stringify(orderPosts)}`).toBe(1);
  await expect(page.getByRole('heading', { name: `Order #${orderId}` })).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'Pending' }).first()).toBeVisible();
  await expect(page.getByText(/^GHS\s12\.00$/)).toBeVisible();
  await check(page, 'order-placed');

  await nav(page, 'My orders');
  await expect(orderCard(page, orderId)).toBeVisible();
  await expect(page.locator('li.order-card'), 'exactly one order after a double click').toHaveCount(1);
  await check(page, 'my-orders');
});

test('the student sees the new status and writes a verified-purchase review', async ({ page, check, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Classic Burger', 1], ['Fries', 2]]);
  await signIn(page, student);
  await page.goto('/orders');
  await expect(orderCard(page, orderId).locator('.badge', { hasText: 'Pending' })).toBeVisible();

  for (const status of ['confirmed', 'preparing', 'ready', 'completed']) await api.setStatus(shop.vendor, orderId, status);
  // Still on "My orders": polling brings the new status without a reload.
  await expect(orderCard(page, orderId).locator('.badge', { hasText: 'Completed' })).toBeVisible({ timeout: 20_000 });
  await orderCard(page, orderId).getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Status history' })).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'Completed' }).first()).toBeVisible();
  await expect(page.locator('.timeline li').nth(3)).toBeVisible();
  const history = await page.locator('.timeline li').allInnerTexts();
  expect(history.length, 'status changes in the history').toBeGreaterThanOrEqual(4);
  expect(history.some((h) => h.includes('Completed')), 'the history includes Completed').toBe(true);
  await check(page, 'order-completed');

  await page.getByRole('link', { name: 'Review this service' }).click();
  await expect(page.getByRole('heading', { name: 'Write a review' })).toBeVisible();
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page.getByLabel('Comment (optional)').fill('Hot and quick.');
  await page.getByRole('button', { name: 'Post review' }).click();
  await expect(page.getByText('Thanks — you have reviewed this service.')).toBeVisible();
  const review = page.locator('li.review', { hasText: 'Hot and quick.' });
  await expect(review).toBeVisible();
  await expect(review.getByText('Verified purchase')).toBeVisible();
  await check(page, 'service-reviewed');
});

test('a student cancels an order while it is pending', async ({ page, check, shop, student }) => {
  await signIn(page, student);
  await page.goto(`/?search=${encodeURIComponent(shop.serviceName)}`);
  await page.getByRole('link', { name: shop.serviceName }).click();
  await addToCart(page, 'Flat White');
  await openCart(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+/);
  await page.getByRole('button', { name: /^Cancel order/ }).click();
  await expect(page.locator('.badge', { hasText: 'Cancelled' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cancel order/ }), 'no actions remain on a cancelled order').toHaveCount(0);
  await expect(page.locator('.timeline li', { hasText: 'Pending → Cancelled' })).toBeVisible();
  await check(page, 'order-cancelled');
});

test('an expired access token is refreshed without the user noticing', async ({ page, check, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Fries', 1]]);
  // Parallel requests (the user check and the orders list) all get 401 and share one refresh.
  allowConsole(page, /status of 401/);
  const refreshCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/token/refresh/') refreshCalls.push(r.url());
  });
  const expired =
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNjAwMDAwMDAwLCJ1c2VyX2lkIjoxfQ.c2lnbmF0dXJl';
  await signIn(page, { ...student, access: expired });
  await page.goto('/orders');
  await expect(orderCard(page, orderId)).toBeVisible();
  expect(new URL(page.url()).pathname, 'stayed signed in').toBe('/orders');
  const after = await page.evaluate(() => ({ access: localStorage.getItem('accessToken'), refresh: localStorage.getItem('refreshToken') }));
  expect(after.access, 'a new access token is stored').toBeTruthy();
  expect(after.access).not.toBe(expired);
  expect(after.refresh, 'the rotated refresh token is stored').toBeTruthy();
  expect(after.refresh).not.toBe(student.refresh);
  expect(refreshCalls, 'one refresh for the parallel 401s').toHaveLength(1);

  // Again without a reload: the next in-app navigation refreshes silently too.
  await page.evaluate((t) => localStorage.setItem('accessToken', t), expired);
  await nav(page, 'Browse');
  await expect(page.getByRole('heading', { name: 'Services on campus' })).toBeVisible();
  await expect(orderCard(page, orderId)).toHaveCount(0);
  await nav(page, 'My orders');
  await expect(orderCard(page, orderId)).toBeVisible();
  expect(refreshCalls, 'a second refresh').toHaveLength(2);
  await check(page, 'my-orders-after-refresh');

  // Logging out revokes the refresh token and clears the session.
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/login/);
  const cleared = await page.evaluate(() => [localStorage.getItem('accessToken'), localStorage.getItem('refreshToken'), localStorage.getItem('user')]);
  expect(cleared, 'logout clears the stored session').toEqual([null, null, null]);
  await page.goto('/orders');
  await page.waitForURL(/\/login\?next=%2Forders/);
  await check(page, 'login-redirect');
});

test('unknown pages and missing records explain themselves', async ({ page, check }) => {
  allowConsole(page, /status of 404/);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await check(page, 'not-found');
  await page.goto('/services/999999');
  await expect(page.getByRole('heading', { level: 1, name: 'Service not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Browse all services' })).toBeVisible();
  await check(page, 'service-missing');
});

test('repeated wrong passwords are throttled with a time to wait', async ({ page, check, student }) => {
  allowConsole(page, /status of 401/, /status of 429/);
  await page.goto('/login');
  await page.getByLabel('Email').fill(student.email);
  await page.getByLabel('Password').fill('not-the-password');
  const alert = page.getByRole('alert');
  for (let i = 0; i < 20; i++) {
    await page.getByRole('button', { name: 'Log in' }).click();
    await alert.waitFor();
    if (/Too many/.test(await alert.innerText())) break;
    await page.getByRole('button', { name: 'Log in' }).and(page.locator(':enabled')).waitFor();
  }
  await expect(alert).toHaveText(/Too many attempts\. Please try again in \d+ (second|minute)s?\./);
  await expect(page.getByRole('button', { name: 'Log in' }), 'the form waits out the throttle').toBeDisabled();
  await check(page, 'login-throttled');
});
