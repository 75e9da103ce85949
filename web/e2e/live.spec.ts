// Live updates through the event stream: what changes on screen without a
// reload, and the notification bell. While the stream is live the pages do not
// poll, so a change seen within 3 seconds came through the stream.
import { expect, orderCard, signIn, test } from './support/fixtures';
import { recordLayoutWidth, widestLayout } from './support/width';

const LIVE_WITHIN = { timeout: 3000 };

test("the vendor's open queue shows a new order within 3 seconds, with a count in the title and on the tabs", async ({ page, check, api, shop, student }) => {
  // On a phone the eight tabs scroll inside their row: the page itself never
  // gets wider than the screen, not even for a frame while the lists update.
  const screenWidth = page.viewportSize()!.width;
  await recordLayoutWidth(page);
  await signIn(page, shop.vendor);
  await page.goto('/vendor/orders');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expect(page.getByText('Nothing needs your attention').or(page.getByRole('heading', { name: 'New' }))).toBeVisible();
  await expect(page).toHaveTitle('Order queue · Campus Services');
  await check(page, 'live-queue-empty');

  const orderId = await api.placeOrder(student, shop, [['Classic Burger', 2]]);
  const card = orderCard(page, orderId);
  await expect(card).toBeVisible(LIVE_WITHIN);
  await expect(card.getByText('New', { exact: true })).toBeVisible();
  // No pickup time was chosen: the service's preparation estimate.
  await expect(card.getByText(/^Ready around \d/)).toBeVisible();
  await expect(card.getByText('waiting under a minute')).toBeVisible();
  await expect(page).toHaveTitle('(1) Order queue · Campus Services');
  const tabs = page.getByRole('navigation', { name: 'Order status' });
  await expect(tabs.getByRole('link', { name: /^Pending\W+1$/ })).toBeVisible();
  await expect(tabs.getByRole('link', { name: /^Needs action\W+1$/ })).toBeVisible();

  // A second one while the first waits: both counted, both on screen.
  const second = await api.placeOrder(student, shop, [['Fries', 1]]);
  await expect(orderCard(page, second)).toBeVisible(LIVE_WITHIN);
  await expect(page).toHaveTitle('(2) Order queue · Campus Services');
  await check(page, 'live-queue');

  expect(await widestLayout(page), 'the queue was wider than the screen').toBeLessThanOrEqual(screenWidth);

  // Confirming takes it out of the title's count.
  await card.getByRole('button', { name: /^Confirm/ }).click();
  await expect(page).toHaveTitle('(1) Order queue · Campus Services');
  await expect(tabs.getByRole('link', { name: /^Confirmed\W+1$/ })).toBeVisible();
  expect(await widestLayout(page), 'the queue was wider than the screen').toBeLessThanOrEqual(screenWidth);

  // The sound needs a click first; the button then offers to turn it off.
  await page.getByRole('button', { name: 'Turn on sound' }).click();
  await expect(page.getByRole('button', { name: 'Turn off sound' })).toBeVisible();
});

test('on a laptop the open orders are a board, one column per step, and an order moves across it', async ({ page, check, api, shop, student }) => {
  test.skip(test.info().project.name !== 'desktop', 'the board is for laptop widths');
  const first = await api.placeOrder(student, shop, [['Veggie Wrap', 1]]);
  const second = await api.placeOrder(student, shop, [['Flat White', 1]]);
  await api.setStatus(shop.vendor, second, 'confirmed');
  await signIn(page, shop.vendor);
  await page.goto('/vendor/orders');
  const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name} \\d`) });
  const inColumn = (name: string, id: number) =>
    column(name).locator('li.order-card').filter({ has: page.getByRole('link', { name: new RegExp(`^Order #${id} ·`) }) });
  await expect(inColumn('New', first)).toBeVisible();
  await expect(inColumn('Confirmed', second)).toBeVisible();
  await expect(column('Preparing').getByText('None')).toBeVisible();
  await inColumn('Confirmed', second).getByRole('button', { name: /^Start preparing/ }).click();
  await expect(inColumn('Preparing', second)).toBeVisible();
  await expect(column('Confirmed').getByText('None')).toBeVisible();
  await check(page, 'live-queue-board');
});

test('the student\'s order page shows "Confirmed" within 3 seconds of the vendor\'s click', async ({ page, newPage, check, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Fries', 1]]);
  await signIn(page, student);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const status = page.locator('.order-card-head .badge');
  await expect(status).toHaveText('Pending');
  await check(page, 'live-order-pending');

  const vendorPage = await newPage('vendor');
  await signIn(vendorPage, shop.vendor);
  await vendorPage.goto('/vendor/orders');
  await orderCard(vendorPage, orderId).getByRole('button', { name: /^Confirm/ }).click();

  await expect(status).toHaveText('Confirmed', LIVE_WITHIN);
  // The bell heard about it too.
  await expect(page.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible(LIVE_WITHIN);
});

test('the bell counts unread notifications live, and the list opens them and marks them read', async ({ page, check, api, shop, student }) => {
  const first = await api.placeOrder(student, shop, [['Classic Burger', 1]]);
  await signIn(page, shop.vendor);
  await page.goto('/vendor');
  const bell = page.getByRole('link', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await bell.click();
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expect(page.getByText('1 unread')).toBeVisible();

  const second = await api.placeOrder(student, shop, [['Fries', 3]]);
  await expect(page.getByText('2 unread')).toBeVisible(LIVE_WITHIN);
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  const item = (id: number) => page.locator('li.notification').filter({ has: page.getByRole('heading', { name: `New order #${id}` }) });
  await expect(item(second).getByText('Sam Student ordered 3 items')).toBeVisible();
  await expect(item(second).getByRole('link', { name: `Open order #${second}` })).toBeVisible();
  await check(page, 'notifications');

  await item(first).getByRole('button', { name: /^Mark read/ }).click();
  await expect(page.getByText('1 unread')).toBeVisible();
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(item(first).getByRole('button', { name: /^Mark read/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Mark all read' }).click();
  await expect(page.getByText('All read.')).toBeVisible();
  await expect(bell).toHaveAccessibleName('Notifications');

  // A notification leads to its order.
  await item(second).getByRole('link', { name: `Open order #${second}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${second}$`));
  await expect(page.getByRole('heading', { name: `Order #${second}` })).toBeVisible();
});
