// The web app's rough edges, each as a user meets it (desktop and phone).
import type { Page } from '@playwright/test';
import { addToCart, allowConsole, expect, logIn, nav, openCart, signIn, test, uniqueTag, type Account, type Shop } from './support/fixtures';

const LONG_NAME = `Supercalifragilisticexpialidocious_Photocopying_And_Binding_${uniqueTag()}`;

async function post(page: Page, path: string, account: Account, data: object) {
  const res = await page.request.post(path, { headers: { Authorization: `Bearer ${account.access}` }, data });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

async function openService(page: Page, shop: Shop) {
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.getByRole('heading', { level: 1, name: shop.serviceName })).toBeVisible();
}

test('availability is one control: "Busy" keeps taking orders and tells students to expect a wait', async ({ page, check, newPage, shop, student }) => {
  await signIn(page, shop.vendor);
  await page.goto('/vendor/services');
  const control = page.getByLabel(`Availability of ${shop.serviceName}`);
  await control.selectOption('busy');
  await expect(page.getByText('Still taking orders; students are told to expect a longer wait.')).toBeVisible();
  await expect(control).toHaveValue('busy');
  await expect(page.getByRole('switch')).toHaveCount(0);
  await check(page, 'availability-busy');

  const sp = await newPage('student');
  await signIn(sp, student);
  await openService(sp, shop);
  await expect(sp.getByText('Busy · longer wait')).toBeVisible();
  await expect(sp.getByText('expect a longer wait than usual')).toBeVisible();
  await addToCart(sp, 'Fries');
  await expect(sp.getByRole('region', { name: 'Your cart' })).toContainText('1 item');

  await control.selectOption('closed');
  await expect(page.getByText('Not taking orders.', { exact: true })).toBeVisible();
  await sp.reload();
  await expect(sp.getByText('This service is closed.')).toBeVisible();
  await expect(sp.getByRole('button', { name: 'Add Fries to cart' })).toHaveCount(0);
});

test('with a dead session the catalogue still opens, anonymously', async ({ page, check, shop, student }) => {
  await signIn(page, student);
  await page.goto('/');
  allowConsole(page, /status of 401/);
  await page.evaluate(() => {
    localStorage.setItem('accessToken', 'expired.access.token');
    localStorage.setItem('refreshToken', 'expired.refresh.token');
  });
  await page.goto(`/?search=${encodeURIComponent(shop.serviceName)}`);
  await expect(page.getByRole('link', { name: shop.serviceName })).toBeVisible();
  expect(new URL(page.url()).pathname, 'no redirect to the login page').toBe('/');
  await expect(page.locator('#site-nav').getByRole('link', { name: 'Log in', includeHidden: true }), 'signed out').toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem('refreshToken')), 'the dead session is cleared').toBeNull();
  await check(page, 'catalogue-dead-session');
  await page.goto('/orders');
  await page.waitForURL(/\/login\?next=%2Forders/);
});

test('the cart is in reach on a phone: count in the header, sticky bar with total, steppers with a stated limit', async ({ page, check, shop, student }) => {
  await signIn(page, student);
  await openService(page, shop);
  await page.getByRole('button', { name: 'Add Classic Burger to cart' }).click();
  // Feedback on the row itself: the Add button became a stepper.
  await expect(page.getByRole('button', { name: 'One more Classic Burger' })).toBeVisible();
  await page.getByRole('button', { name: 'One more Classic Burger' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' })).toHaveValue('2');
  await expect(page.locator('.count-pill:visible'), 'the count shows in the header').toHaveText(/^2\b/);
  const bar = page.getByRole('region', { name: 'Your cart' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText('2 items');
  await expect(bar).toContainText(/GHS\s13\.00/);
  await check(page, 'service-cart-bar');

  await bar.getByRole('link', { name: 'View cart' }).click();
  const qty = page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' });
  await qty.fill('150');
  await expect(qty).toHaveValue('100');
  await expect(page.getByText('You can order at most 100 of one item, so this is set to 100.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'One more Classic Burger' })).toBeDisabled();
  await page.getByRole('button', { name: 'Remove one Classic Burger' }).click();
  await expect(qty).toHaveValue('99');
  await check(page, 'cart-limit');
});

test('a long unbroken service name wraps and keeps "Add" on screen', async ({ page, check, shop, student }) => {
  const res = await page.request.patch(`/api/services/${shop.serviceId}/`, {
    headers: { Authorization: `Bearer ${shop.vendor.access}` },
    data: { service_name: LONG_NAME },
  });
  expect(res.ok()).toBe(true);
  await signIn(page, student);
  await page.goto(`/?search=${encodeURIComponent(LONG_NAME)}`);
  await expect(page.getByRole('link', { name: LONG_NAME })).toBeVisible();
  await check(page, 'catalogue-long-name');
  await page.getByRole('link', { name: LONG_NAME }).click();
  const add = page.getByRole('button', { name: 'Add Fries to cart' });
  await add.scrollIntoViewIfNeeded();
  await expect(add).toBeInViewport({ ratio: 1 });
  await check(page, 'service-long-name');
});

test('after cancelling, the "order placed" note goes; the review link lands on the form, which needs a rating', async ({ page, check, api, shop, student }) => {
  await signIn(page, student);
  await openService(page, shop);
  await addToCart(page, 'Flat White');
  await openCart(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+\?placed=1/);
  await expect(page.getByText('Order placed. The vendor will confirm it shortly.')).toBeVisible();
  await page.getByRole('button', { name: /^Cancel order/ }).click();
  await expect(page.locator('.badge', { hasText: 'Cancelled' }).first()).toBeVisible();
  await expect(page.getByText('Order placed.', { exact: false })).toHaveCount(0);

  const orderId = await api.placeOrder(student, shop, [['Fries', 1]]);
  for (const status of ['confirmed', 'preparing', 'ready', 'completed']) await api.setStatus(shop.vendor, orderId, status);
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('link', { name: 'Review this service' }).click();
  const form = page.getByRole('form', { name: 'Write a review' });
  await expect(form).toBeInViewport();
  await expect(page.getByRole('group', { name: 'Rating' }).getByRole('radio', { checked: true })).toHaveCount(0);
  allowConsole(page, /status of 400/);
  await page.getByRole('button', { name: 'Post review' }).click();
  await expect(page.getByText('Choose a rating from 1 to 5 stars.')).toBeVisible();
  await check(page, 'review-needs-rating');
  await page.getByRole('radio', { name: '4 stars' }).check();
  await page.getByRole('button', { name: 'Post review' }).click();
  await expect(page.getByText('Thanks — you have reviewed this service.')).toBeVisible();
});

test('a 4.5 rating shows four and a half stars with the number', async ({ page, check, api, shop, student }) => {
  const second = await api.register('student', 'Sasha', 'Scholar');
  for (const [who, rating] of [[student, 4], [second, 5]] as const) {
    const orderId = await api.placeOrder(who, shop, [['Fries', 1]]);
    for (const status of ['confirmed', 'preparing', 'ready', 'completed']) await api.setStatus(shop.vendor, orderId, status);
    await post(page, '/api/reviews/', who, { service: shop.serviceId, rating });
  }
  await openService(page, shop);
  const rating = page.getByRole('img', { name: /^Rated 4\.5 out of 5/ });
  await expect(rating).toBeVisible();
  await expect(rating.locator('.rating-star-full')).toHaveCount(4);
  await expect(rating.locator('.rating-star-half')).toHaveCount(1);
  // Amber, and text-sized: the review form's star buttons on this page are styled apart.
  await expect(rating.locator('.rating-star-full').first()).toHaveCSS('color', 'rgb(180, 83, 9)');
  const starWidth = await rating.locator('.rating-star-full').first().evaluate((el) => el.getBoundingClientRect().width);
  expect(starWidth).toBeLessThan(30);
  await check(page, 'rating-half');
});

test('vendor pages: honest dashboard labels, reachable queue tabs, visible "saved", "Add an item" stays open', async ({ page, check, shop }) => {
  await logIn(page, check, shop.vendor, 'login-vendor-edges');
  await page.waitForURL((u) => u.pathname === '/vendor');
  await expect(page.getByText('all time', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Today at a glance')).toHaveCount(0);

  await nav(page, 'Order queue');
  const tabs = page.getByRole('navigation', { name: 'Order status' });
  const cancelled = tabs.getByRole('link', { name: 'Cancelled' });
  await cancelled.click();
  await expect(cancelled).toHaveAttribute('aria-current', 'page');
  await expect(cancelled).toBeInViewport();
  await check(page, 'queue-cancelled-tab');

  await nav(page, 'Business profile');
  await page.getByLabel('Website').fill('https://example.org');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Profile saved.')).toBeInViewport();

  await page.goto(`/vendor/services/${shop.serviceId}`);
  await page.getByText('Add an item').click();
  for (const [name, price] of [
    ['Onion Rings', '3.10'],
    ['Milkshake', '4.20'],
  ]) {
    await page.getByLabel('Item name').fill(name);
    await page.getByLabel('Price', { exact: true }).fill(price);
    await page.getByRole('button', { name: 'Add item' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(page.getByText(`Added “${name}”. Add another below.`)).toBeVisible();
    // Still open and empty, ready for the next item.
    await expect(page.getByLabel('Item name')).toHaveValue('');
  }
  await check(page, 'items-added');
});

test('logging out empties the cart on a shared device', async ({ page, shop, student }) => {
  await signIn(page, student);
  await openService(page, shop);
  await addToCart(page, 'Fries');
  await expect(page.getByRole('region', { name: 'Your cart' })).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/login/);
  // The URL changes first; the cart is cleared by the same log out, a moment later.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cart'))).toBeNull();
  // Not a bare login page: it says what happened and where to go on.
  await expect(page.getByText('You are logged out')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Keep browsing' })).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty')).toBeVisible();
});

test('installable, with an offline page instead of the browser error', async ({ page, context }) => {
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons as Array<{ src: string; sizes: string }>) {
    const res = await page.request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toContain('image/png');
  }
  const html = await (await page.request.get('/')).text();
  expect(html, 'no inline scripts (strict CSP)').not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).toContain('rel="manifest"');

  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // A service worker controls the next navigation.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  allowConsole(page, /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/);
  await context.setOffline(true);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole('link', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Services on campus' })).toBeVisible();
});
