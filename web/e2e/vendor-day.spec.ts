// A vendor's day: new orders reach them on every page and land on top of the
// board, and the navigation follows what they sell.
import { barberShop } from './support/bookings';
import { expect, nav, orderCard, signIn, test } from './support/fixtures';

test('a new order alerts on the dashboard: a banner that opens it and the count in the title', async ({ page, check, api, shop, student }) => {
  await signIn(page, shop.vendor);
  await page.goto('/vendor');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).not.toHaveTitle(/^\(\d+\)/);
  const orderId = await api.placeOrder(student, shop, [['Fries', 2]]);
  const banner = page.locator('.vendor-alert');
  await expect(banner).toContainText(`New order #${orderId}`);
  await expect(banner).toBeInViewport();
  await expect(page).toHaveTitle(/^\(1\) /);
  await check(page, 'vendor-alert-dashboard');
  await banner.getByRole('link', { name: `Open order #${orderId}` }).click();
  await page.waitForURL(new RegExp(`/orders/${orderId}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Order #${orderId}` })).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('an order placed after the dashboard read its orders but before its live stream opened still brings the banner', async ({ page, api, shop, student }) => {
  // The stream sends only what happens after it opens: hold its ticket until
  // the order is in, so the order falls between the first read and the stream.
  let openStream = () => {};
  const orderPlaced = new Promise<void>((resolve) => (openStream = resolve));
  await page.route('**/api/events/ticket/', async (route) => {
    await orderPlaced;
    await route.continue();
  });
  const firstRead = page.waitForResponse((r) => /\/api\/orders\/\?.*order_status=pending/.test(r.url()) && r.ok());
  await signIn(page, shop.vendor);
  await page.goto('/vendor');
  await firstRead;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const orderId = await api.placeOrder(student, shop, [['Fries', 1]]);
  const streamOpened = page.waitForResponse((r) => r.url().includes('/api/events/?ticket=') && r.ok());
  openStream();
  await streamOpened;
  await expect(page.locator('.vendor-alert')).toContainText(`New order #${orderId}`);
  await expect(page).toHaveTitle(/^\(1\) /);
});

test('on a busy board a new order shows at the top of "New"', async ({ page, api, shop, student }) => {
  test.skip(test.info().project.name === 'phone', 'the board is the laptop layout');
  const older: number[] = [];
  for (let i = 0; i < 6; i++) older.push(await api.placeOrder(student, shop, [['Fries', 1]]));
  await signIn(page, shop.vendor);
  await page.goto('/vendor/orders');
  const column = page.getByRole('region', { name: /^New/ });
  await expect(column.locator('li.order-card')).toHaveCount(6);
  const orderId = await api.placeOrder(student, shop, [['Classic Burger', 1]]);
  await expect(column.locator('li.order-card')).toHaveCount(7);
  await expect(column.locator('li.order-card').first().getByRole('link', { name: new RegExp(`^Order #${orderId} ·`) })).toBeVisible();
  await expect(orderCard(page, orderId)).toBeInViewport();
});

test('the navigation follows what the vendor sells: a food stall has no agenda, a barber no order queue', async ({ page, check, api, request, shop }) => {
  await signIn(page, shop.vendor);
  await page.goto('/vendor');
  const main = page.locator('#site-nav');
  await expect(main.getByRole('link', { name: 'Order queue', includeHidden: true })).toHaveCount(1);
  await expect(main.getByRole('link', { name: 'Agenda', includeHidden: true })).toHaveCount(0);

  const barber = await barberShop(api, request);
  const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const bp = await other.newPage();
  await signIn(bp, barber.vendor);
  await bp.goto('/vendor');
  const barberNav = bp.locator('#site-nav');
  await expect(barberNav.getByRole('link', { name: 'Agenda', includeHidden: true })).toHaveCount(1);
  await expect(barberNav.getByRole('link', { name: 'Order queue', includeHidden: true })).toHaveCount(0);
  await nav(bp, 'Agenda');
  await bp.waitForURL(/\/vendor\/agenda/);
  await other.close();
  await check(page, 'vendor-nav-food-stall');
});
