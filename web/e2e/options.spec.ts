// Item options and stock as a student meets them: a choice sheet with the
// price as they choose and required groups enforced, one item with different
// options as separate cart and order lines, and sold-out or nearly-gone items.
import type { APIRequestContext } from '@playwright/test';
import { expect, openCart, signIn, test, type Shop } from './support/fixtures';

async function burgerOptions(request: APIRequestContext, shop: Shop) {
  const item = shop.items['Classic Burger'].id;
  const headers = { Authorization: `Bearer ${shop.vendor.access}` };
  for (const group of [
    { name: 'Size', min_choices: 1, max_choices: 1, options: [{ name: 'Regular' }, { name: 'Large', price_delta: '1.50' }] },
    { name: 'Extras', min_choices: 0, max_choices: 2, options: [{ name: 'Cheese', price_delta: '0.75' }, { name: 'Bacon', price_delta: '1.25' }] },
  ]) {
    const res = await request.post(`/api/services/${shop.serviceId}/items/${item}/option-groups/`, { headers, data: group });
    expect(res.status(), await res.text()).toBe(201);
  }
}

test('a student chooses options with the price shown, must fill the required group, and gets one line per choice', async ({ page, check, request, shop, student }) => {
  await burgerOptions(request, shop);
  await signIn(page, student);
  await page.goto(`/services/${shop.serviceId}`);

  await page.getByRole('button', { name: 'Choose options for Classic Burger' }).click();
  const sheet = page.getByRole('dialog', { name: 'Classic Burger' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('group', { name: /Size Required · choose 1/ })).toBeVisible();
  const add = sheet.getByRole('button', { name: /^Add to cart/ });
  await expect(add).toBeDisabled();
  await expect(sheet.getByText('Choose a size.')).toBeVisible();
  await expect(sheet.locator('.option-price')).toHaveText(/^GHS\s6\.50$/);
  await check(page, 'option-sheet-required');

  await sheet.getByRole('radio', { name: /Large/ }).check();
  await expect(sheet.locator('.option-price')).toHaveText(/^GHS\s8\.00$/);
  await sheet.getByRole('checkbox', { name: /Cheese/ }).check();
  await expect(sheet.locator('.option-price')).toHaveText(/^GHS\s8\.75$/);
  await expect(sheet.getByText('Choose a size.')).toHaveCount(0);
  await check(page, 'option-sheet-chosen');
  await add.click();
  await expect(sheet).toHaveCount(0);

  await page.getByRole('button', { name: 'Choose options for Classic Burger' }).click();
  await sheet.getByRole('radio', { name: /Regular/ }).check();
  await expect(sheet.getByRole('button', { name: /^Add to cart · GHS\s6\.50$/ })).toBeEnabled();
  await sheet.getByRole('button', { name: /^Add to cart/ }).click();
  await expect(page.getByText('2 in cart')).toBeVisible();

  await openCart(page);
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger (Size: Large, Extras: Cheese)' })).toHaveValue('1');
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger (Size: Regular)' })).toHaveValue('1');
  await expect(page.locator('.cart-table .total')).toHaveText(/^GHS\s15\.25$/);
  await check(page, 'cart-option-lines');

  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+/);
  const lines = page.locator('.cart-table tbody tr');
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: 'Size: Large' })).toContainText(/Extras: Cheese \(\+GHS\s0\.75\)/);
  await expect(lines.filter({ hasText: 'Size: Regular' })).toContainText(/GHS\s6\.50/);
  await expect(page.locator('.cart-table .total')).toHaveText(/^GHS\s15\.25$/);
  await check(page, 'order-option-lines');
});

test('an item with no stock left shows sold out and cannot be added; a few left shows how many', async ({ page, check, request, shop, student }) => {
  const headers = { Authorization: `Bearer ${shop.vendor.access}` };
  for (const [name, stock] of [
    ['Fries', 0],
    ['Flat White', 3],
  ] as const) {
    const res = await request.patch(`/api/services/${shop.serviceId}/items/${shop.items[name].id}/`, { headers, data: { stock } });
    expect(res.status(), await res.text()).toBe(200);
  }
  await signIn(page, student);
  await page.goto(`/services/${shop.serviceId}`);
  const fries = page.locator('.item-row').filter({ has: page.getByRole('heading', { name: 'Fries' }) });
  await expect(fries.getByText('Sold out')).toBeVisible();
  await expect(fries.getByRole('button')).toHaveCount(0);
  const flatWhite = page.locator('.item-row').filter({ has: page.getByRole('heading', { name: 'Flat White' }) });
  await expect(flatWhite.getByText('3 left')).toBeVisible();
  await expect(flatWhite.getByRole('button', { name: 'Add Flat White to cart' })).toBeVisible();
  await check(page, 'items-stock');
});
