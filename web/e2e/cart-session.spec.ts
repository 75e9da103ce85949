// The cart belongs to its student: a session that ends by itself keeps it for
// them, a deliberate log out or another account empties it.
import type { Page } from '@playwright/test';
import { addToCart, allowConsole, expect, logIn, signIn, test, type Shop } from './support/fixtures';

async function openService(page: Page, shop: Shop) {
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.getByRole('heading', { level: 1, name: shop.serviceName })).toBeVisible();
}

async function killSession(page: Page) {
  await page.evaluate(() => {
    localStorage.setItem('accessToken', 'expired.access.token');
    localStorage.setItem('refreshToken', 'expired.refresh.token');
  });
}

test('a dead session keeps the cart: logging in again finds the same items', async ({ page, check, shop, student }) => {
  await signIn(page, student);
  await openService(page, shop);
  await addToCart(page, 'Fries');
  await addToCart(page, 'Fries');
  await expect(page.getByRole('region', { name: 'Your cart' })).toContainText('2 items');

  allowConsole(page, /status of 401/);
  await killSession(page);
  await page.goto('/orders');
  await page.waitForURL(/\/login\?next=%2Forders.*expired=1/);
  await expect(page.getByText('Your session ended.')).toBeVisible();
  // Reloaded while signed out: still kept.
  await page.reload();
  await logIn(page, check, student, 'login-after-dead-session');
  await page.goto('/cart');
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Fries' })).toHaveValue('2');
  await check(page, 'cart-kept-after-dead-session');
});

test('after a dead session, another account logging in does not get the cart', async ({ page, check, api, shop, student }) => {
  await signIn(page, student);
  await openService(page, shop);
  await addToCart(page, 'Fries');
  allowConsole(page, /status of 401/);
  await killSession(page);
  await page.goto('/orders');
  await page.waitForURL(/\/login/);
  const other = await api.register('student', 'Olu', 'Other');
  await logIn(page, check, other, 'login-other-account');
  await page.goto('/cart');
  await expect(page.getByText('Your cart is empty')).toBeVisible();
});

test('"Cart 102" keeps the phone header on one row, and "✓ Added" does not wrap', async ({ page, check, shop, student }) => {
  await signIn(page, student);
  await openService(page, shop);
  await addToCart(page, 'Fries');
  const added = page.locator('.added-flag');
  await expect(added).toBeVisible();
  const box = await added.boundingBox();
  expect(box!.height, '"✓ Added" on one line').toBeLessThan(30);

  await page.evaluate(
    ({ serviceId, serviceName, items }) => {
      const lines = Object.entries(items).map(([name, item], i) => ({ itemId: item.id, name, price: item.price, quantity: [100, 2, 0, 0][i] ?? 0 }));
      localStorage.setItem('cart', JSON.stringify({ serviceId, serviceName, lines: lines.filter((l) => l.quantity > 0) }));
    },
    { serviceId: shop.serviceId, serviceName: shop.serviceName, items: shop.items },
  );
  await page.reload();
  const header = page.locator('.header-inner');
  await expect(header.getByRole('link', { name: /Cart.*102 items/ }).first()).toBeVisible();
  // Every control of the header sits on the brand's row.
  const oneRow = await header.evaluate((el) => {
    const boxes = [...el.children]
      .filter((c) => c.id !== 'site-nav' && getComputedStyle(c).display !== 'none')
      .map((c) => c.getBoundingClientRect());
    // On one row every box overlaps every other vertically.
    return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
  });
  expect(oneRow, 'the header is one row').toBe(true);
  await check(page, 'header-cart-102');
});
