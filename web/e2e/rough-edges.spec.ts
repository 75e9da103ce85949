// Rough edges a student and a vendor trip over (issue 33): the phone home, a
// hidden vendor's old orders, the keyboard after "Add", and the weekly hours.
import type { APIRequestContext } from '@playwright/test';
import { expect, openCart, orderCard, signIn, test, type Account, type Shop } from './support/fixtures';
import { suspendUser } from './support/server';

// 24-hour times on screen ("08:00"), whatever the machine's locale.
test.use({ locale: 'en-GB' });

const auth = (a: Account) => ({ Authorization: `Bearer ${a.access}` });

/** Gives a shop's service `category` and `base_price`, so a filtered list holds the test's services alone. */
async function setApart(request: APIRequestContext, shop: Shop, category: string, basePrice: string) {
  const res = await request.patch(`/api/services/${shop.serviceId}/`, { headers: auth(shop.vendor), data: { category, base_price: basePrice } });
  expect(res.status(), await res.text()).toBe(200);
}

test('the home page shows the places a student ordered from first, then what is open now, several to a phone screen', async ({ page, check, api, request, student }) => {
  // Created oldest first, so the API's "newest first" is closed, open, ordered-from.
  const usual = await api.shop();
  const open = await api.shop();
  const closed = await api.shop();
  // "gym" (which no other browser test uses) at a price of this test's own: the filtered list is these three.
  const price = (1000 + Math.floor(Math.random() * 89_000)) / 100;
  const basePrice = price.toFixed(2);
  for (const shop of [usual, open, closed]) await setApart(request, shop, 'gym', basePrice);
  const filter = `category=gym&min_price=${basePrice}&max_price=${basePrice}`;
  const order = await api.placeOrder(student, usual, [['Fries', 1]]);
  await api.setStatus(usual.vendor, order, 'confirmed');
  const hours = await (await request.get(`/api/services/${closed.serviceId}/hours/`)).json();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: hours.time_zone }).format(new Date());
  const closure = await request.post(`/api/services/${closed.serviceId}/closures/`, { headers: auth(closed.vendor), data: { starts_on: today, ends_on: today, reason: 'Stocktake' } });
  expect(closure.status(), await closure.text()).toBe(201);
  // The usual place closes today too: having ordered there still puts it first.
  const usualClosure = await request.post(`/api/services/${usual.serviceId}/closures/`, { headers: auth(usual.vendor), data: { starts_on: today, ends_on: today } });
  expect(usualClosure.status()).toBe(201);

  await signIn(page, student);
  await page.goto(`/?${filter}`);
  const titles = page.locator('.service-card-title');
  await expect(titles).toHaveText([usual.serviceName, open.serviceName, closed.serviceName]);
  const usualCard = page.locator('.service-card').filter({ hasText: usual.serviceName });
  await expect(usualCard.getByText('Ordered before')).toBeVisible();
  await expect(page.getByLabel('Sort by')).toHaveValue('');
  if ((page.viewportSize()?.width ?? 0) < 600) {
    // Compact rows: three services take under three quarters of a phone screen (812 px); photo-led cards took a screen.
    const first = await page.locator('.service-card').nth(0).boundingBox();
    const third = await page.locator('.service-card').nth(2).boundingBox();
    expect(third!.y + third!.height - first!.y).toBeLessThan(600);
  }
  await check(page, 'home-suggested');

  // An explicit sort is the API's order, untouched.
  await page.goto(`/?${filter}&ordering=-created_at`);
  await expect(titles).toHaveText([closed.serviceName, open.serviceName, usual.serviceName]);
});

test('old orders from a vendor who is now hidden say so instead of offering Reorder and Review', async ({ page, check, api, shop, student }) => {
  const gone = await api.placeOrder(student, shop, [['Fries', 2]]);
  for (const status of ['confirmed', 'preparing', 'ready', 'completed']) await api.setStatus(shop.vendor, gone, status);
  // Another vendor, still on the marketplace: its old order keeps both actions.
  const other = await api.shop();
  const kept = await api.placeOrder(student, other, [['Fries', 1]]);
  for (const status of ['confirmed', 'preparing', 'ready', 'completed']) await api.setStatus(other.vendor, kept, status);
  suspendUser(shop.vendor.id);

  await signIn(page, student);
  await page.goto('/orders');
  const goneCard = orderCard(page, gone);
  await expect(goneCard).toContainText('This vendor is no longer on the marketplace.');
  await expect(goneCard.getByRole('button', { name: /Reorder/ })).toHaveCount(0);
  await expect(orderCard(page, kept).getByRole('button', { name: `Reorder order #${kept}` })).toBeVisible();
  await check(page, 'orders-hidden-vendor');

  await goneCard.getByRole('link', { name: new RegExp(`^Order #${gone} ·`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order #${gone}` })).toBeVisible();
  await expect(page.getByText('This vendor is no longer on the marketplace.')).toBeVisible();
  await expect(page.getByText('cannot be ordered again or reviewed')).toBeVisible();
  await expect(page.getByRole('button', { name: /Reorder/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Review this service' })).toHaveCount(0);
  // The service's name is no link to a page that would answer "Not found".
  await expect(page.getByRole('link', { name: shop.serviceName })).toHaveCount(0);
  await expect(page.getByText('Not found.')).toHaveCount(0);
  await check(page, 'order-hidden-vendor');

  await page.goto(`/orders/${kept}`);
  await expect(page.getByRole('link', { name: 'Review this service' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Reorder order #${kept}` })).toBeVisible();
});

test('after "Add" the focus stays on the item, and − and Remove have names of their own', async ({ page, check, shop, student }) => {
  await signIn(page, student);
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.getByRole('heading', { level: 1, name: shop.serviceName })).toBeVisible();

  await page.getByRole('button', { name: 'Add Classic Burger to cart' }).focus();
  await page.keyboard.press('Enter');
  // The Add button became the item's stepper, and the focus moved onto it.
  const more = page.getByRole('button', { name: 'One more Classic Burger' });
  await expect(more).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Classic Burger added to your cart.' })).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' })).toHaveValue('2');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Remove one Classic Burger' })).toBeFocused();
  await check(page, 'service-added-focus');

  await openCart(page);
  await expect(page.getByRole('heading', { level: 1, name: /cart/i })).toBeVisible();
  const removeOne = page.getByRole('button', { name: 'Remove one Classic Burger', exact: true });
  const removeLine = page.getByRole('button', { name: 'Remove Classic Burger from cart', exact: true });
  await expect(removeOne).toHaveCount(1);
  await expect(removeLine).toHaveCount(1);
  await removeOne.click();
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' })).toHaveValue('1');
  // At one, − still says what it does; it is not a second "Remove Classic Burger".
  await expect(removeOne).toHaveCount(1);
  await check(page, 'cart-distinct-names');
  await removeLine.click();
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' })).toHaveCount(0);
});

test('a vendor copies Monday’s hours to the weekdays, on one compact screen', async ({ page, check, shop, request }) => {
  await signIn(page, shop.vendor);
  await page.goto(`/vendor/services/${shop.serviceId}/schedule`);
  await expect(page.getByRole('heading', { name: 'Opening hours', level: 1 })).toBeVisible();
  // Nothing to copy yet.
  await expect(page.getByRole('button', { name: /^Copy to weekdays/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await page.getByLabel('Monday, period 1, Opens').fill('08:00');
  await page.getByLabel('Monday, period 1, Closes').fill('14:00');
  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await page.getByLabel('Monday, period 2, Opens').fill('16:00');
  await page.getByLabel('Monday, period 2, Closes').fill('20:00');
  // Wednesday had other hours: the copy replaces them.
  await page.getByRole('button', { name: 'Add hours on Wednesday' }).click();
  await page.getByRole('button', { name: 'Add hours on Sunday' }).click();
  await page.getByRole('button', { name: /^Copy to weekdays/ }).click();
  await expect(page.getByRole('status').filter({ hasText: "Monday's hours copied to Tuesday to Friday" })).toHaveCount(1);
  await expect(page.getByLabel('Friday, period 2, Closes')).toHaveValue('20:00');
  await expect(page.getByLabel('Wednesday, period 1, Opens')).toHaveValue('08:00');

  // A period's two times sit on one line, on a phone as on a laptop.
  const opens = await page.getByLabel('Tuesday, period 1, Opens').boundingBox();
  const closes = await page.getByLabel('Tuesday, period 1, Closes').boundingBox();
  expect(opens && closes && Math.abs(opens.y - closes.y)).toBe(0);
  // A closed day is a single line: its name, "Closed" and "Add hours".
  const saturday = await page.locator('.week-day').filter({ has: page.getByRole('heading', { name: 'Saturday' }) }).boundingBox();
  expect(saturday!.height).toBeLessThan(60);
  await check(page, 'schedule-copy-weekdays');

  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByText('Weekly hours saved.')).toBeVisible();
  const hours = await (await request.get(`/api/services/${shop.serviceId}/hours/`, { headers: auth(shop.vendor) })).json();
  const expected = [0, 1, 2, 3, 4].flatMap((weekday) => [
    { weekday, opens: '08:00', closes: '14:00' },
    { weekday, opens: '16:00', closes: '20:00' },
  ]);
  expect(hours.weekly).toEqual([...expected, { weekday: 6, opens: '09:00', closes: '17:00' }]);
});
