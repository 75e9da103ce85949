// The storefront and the vendor's shop: vendor pages, home chips and photo cards, the order
// stepper and reorder, own reviews, the vendor dashboard's reports, the sold-out
// toggle, and a sweep of every page at both widths (axe, console, screenshot).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { allowConsole, expect, picturePath, signIn, test, type Account, type Shop } from './support/fixtures';

async function patch(page: Page, path: string, account: Account, data: object) {
  const res = await page.request.patch(path, { headers: { Authorization: `Bearer ${account.access}` }, data });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.json();
}

async function profileId(page: Page, shop: Shop): Promise<number> {
  const res = await page.request.get(`/api/vendor-profiles/?user=${shop.vendor.id}`);
  const body = (await res.json()) as { results: { id: number; user: number }[] };
  return body.results.find((p) => p.user === shop.vendor.id)!.id;
}

const STEPS = ['pending', 'confirmed', 'preparing', 'ready', 'completed'];

/** Moves an order along the vendor's steps from `from` up to `to`. */
async function advance(api: { setStatus: (a: Account, id: number, s: string) => Promise<void> }, shop: Shop, orderId: number, to: string, from = 'pending') {
  for (const s of STEPS.slice(STEPS.indexOf(from) + 1, STEPS.indexOf(to) + 1)) await api.setStatus(shop.vendor, orderId, s);
}

test('a vendor has a public page, linked from the service page and from catalogue cards', async ({ page, check, shop }) => {
  await patch(page, `/api/vendor-profiles/${await profileId(page, shop)}/`, shop.vendor, { phone: '+233 20 123 4567' });
  await page.goto(`/services/${shop.serviceId}`);
  await page.getByRole('link', { name: shop.businessName }).click();
  await page.waitForURL(`/vendors/${shop.vendor.id}`);
  await expect(page.getByRole('heading', { level: 1, name: shop.businessName })).toBeVisible();
  await expect(page.getByText('Made for one browser test.')).toBeVisible();
  await expect(page.getByText('Student Union, ground floor')).toBeVisible();
  await expect(page.getByText('Mon-Fri 08:00-20:00')).toBeVisible();
  await expect(page.getByRole('link', { name: '+233 20 123 4567' })).toHaveAttribute('href', 'tel:+233201234567');
  // The vendor's own open state in the header (each service card shows its own too).
  await expect(page.locator('.chip', { hasText: 'Open now' })).toBeVisible();
  const services = page.getByRole('region', { name: /Services from/ });
  await expect(services.getByRole('link', { name: shop.serviceName })).toBeVisible();
  await expect(services.locator('.service-card').getByText('Open now')).toBeVisible();
  await check(page, 'vendor-page');

  await page.goto(`/?search=${encodeURIComponent(shop.serviceName)}`);
  const card = page.locator('.service-card').filter({ hasText: shop.serviceName });
  await card.getByRole('link', { name: shop.businessName }).click();
  await expect(page).toHaveURL(`/vendors/${shop.vendor.id}`);

  await page.goto('/vendors/999999');
  await expect(page.getByRole('heading', { name: 'Vendor not found' })).toBeVisible();
});

test('home: category chips filter in one tap, and cards lead with a picture, name, vendor, rating and price', async ({ page, check, shop }) => {
  await page.goto(`/?search=${encodeURIComponent(shop.serviceName)}`);
  const chips = page.getByRole('group', { name: 'Categories' });
  await expect(chips.getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
  await chips.getByRole('button', { name: 'Printing' }).click();
  await expect(chips.getByRole('button', { name: 'Printing' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/category=printing/);
  await expect(page.getByText('No services match these filters')).toBeVisible();
  await chips.getByRole('button', { name: 'Food' }).click();
  await expect(page).toHaveURL(/category=food/);
  await expect(page).toHaveURL(/search=/);
  const card = page.locator('.service-card').filter({ hasText: shop.serviceName });
  await expect(card).toBeVisible();
  await expect(card.locator('.service-thumb .thumb-placeholder')).toBeVisible();
  await expect(card).toContainText(`by ${shop.businessName}`);
  // The cheapest item (Fries, 2.75), not the service's base price of 4.50.
  await expect(card).toContainText(/from GHS\s2\.75/);
  const thumb = await card.locator('.service-thumb').boundingBox();
  const title = await card.getByRole('heading').boundingBox();
  if ((page.viewportSize()?.width ?? 0) >= 600) {
    // The thumbnail is on top of the card's text, with the rating below.
    await expect(card).toContainText('No ratings yet');
    expect(thumb!.y + thumb!.height).toBeLessThanOrEqual(title!.y + 1);
  } else {
    // A compact row on a phone: the thumbnail beside the text.
    expect(thumb!.x + thumb!.width).toBeLessThanOrEqual(title!.x + 1);
  }
  if ((page.viewportSize()?.width ?? 0) < 600) {
    // One row that scrolls sideways, not a wall of chips.
    const row = await chips.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, height: el.clientHeight }));
    expect(row.scroll).toBeGreaterThan(row.client);
    expect(row.height).toBeLessThan(60);
  }
  await check(page, 'home-chips');
  await chips.getByRole('button', { name: 'All' }).click();
  await expect(page).not.toHaveURL(/category=/);
});

test('the catalogue card images load lazily with their size', async ({ page, shop }) => {
  const upload = await page.request.patch(`/api/services/${shop.serviceId}/`, {
    headers: { Authorization: `Bearer ${shop.vendor.access}` },
    multipart: { images: { name: 'picture.png', mimeType: 'image/png', buffer: readFileSync(picturePath) } },
  });
  expect(upload.ok(), await upload.text()).toBe(true);
  await page.goto(`/?search=${encodeURIComponent(shop.serviceName)}`);
  const img = page.locator('.service-card').filter({ hasText: shop.serviceName }).locator('img');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', /\d+/);
  await expect(img).toHaveAttribute('height', /\d+/);
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
});

test('the order page shows progress, the ready time, the pickup place, and a cancelled order distinctly', async ({ page, check, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Classic Burger', 2]]);
  await signIn(page, student);
  await page.goto(`/orders/${orderId}`);
  const stepper = page.getByRole('list', { name: 'Order progress' });
  await expect(stepper.getByRole('listitem')).toHaveText(['Placed (now)', 'Confirmed', 'Preparing', 'Ready', 'Collected']);
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Placed');
  // The date is shown too when the estimate falls on another day (an order placed just before midnight).
  await expect(page.locator('.pickup-facts')).toContainText(/Ready around\s*(\w{3}, \w{3} \d{1,2} )?\d{1,2}:\d{2}/);
  await expect(page.locator('.pickup-facts')).toContainText('As soon as possible');
  await expect(page.locator('.pickup-facts')).toContainText('Student Union, ground floor');
  await check(page, 'order-stepper-placed');

  await advance(api, shop, orderId, 'preparing');
  await page.reload();
  await expect(stepper.locator('[aria-current="step"]')).toContainText('Preparing');
  await expect(stepper.locator('.step-done')).toHaveCount(2);
  await advance(api, shop, orderId, 'ready', 'preparing');
  await page.reload();
  await expect(page.getByText('Ready to collect now')).toBeVisible();

  const other = await api.placeOrder(student, shop, [['Fries', 1]]);
  await api.setStatus(shop.vendor, other, 'confirmed');
  await api.setStatus(shop.vendor, other, 'cancelled');
  await page.goto(`/orders/${other}`);
  await expect(page.getByText('Cancelled — this order will not be prepared.')).toBeVisible();
  await expect(stepper.locator('.step-done')).toHaveCount(2);
  await expect(stepper.locator('[aria-current="step"]')).toHaveCount(0);
  await check(page, 'order-stepper-cancelled');
});

test('reorder puts the same available items in the cart and explains what was left out', async ({ page, check, api, shop, student }) => {
  const first = await api.placeOrder(student, shop, [['Classic Burger', 2], ['Fries', 1]]);
  await advance(api, shop, first, 'completed');
  await signIn(page, student);
  await page.goto(`/orders/${first}`);
  await expect(page.getByRole('list', { name: 'Order progress' }).locator('.step-done')).toHaveCount(5);
  await page.getByRole('button', { name: `Reorder order #${first}` }).click();
  await page.waitForURL('/cart');
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' })).toHaveValue('2');
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Fries' })).toHaveValue('1');

  // Fries sold out since: the rest goes in, and the page says why Fries did not.
  await page.evaluate(() => localStorage.removeItem('cart'));
  await patch(page, `/api/services/${shop.serviceId}/items/${shop.items['Fries'].id}/`, shop.vendor, { is_available: false });
  await page.goto('/orders');
  await page.locator('li.order-card').filter({ hasText: `Order #${first}` }).getByRole('button', { name: `Reorder order #${first}` }).click();
  await expect(page.getByText('Some items were left out')).toBeVisible();
  await expect(page.getByText('Fries: not available right now')).toBeVisible();
  await check(page, 'orders-reorder-dropped');
  await page.locator('.reorder').getByRole('link', { name: 'View cart' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Classic Burger' })).toHaveValue('2');
  await expect(page.getByRole('spinbutton', { name: 'Quantity of Fries' })).toHaveCount(0);
});

test('a student edits and deletes their own review; the form has no preset rating', async ({ page, check, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Fries', 1]]);
  await advance(api, shop, orderId, 'completed');
  await signIn(page, student);
  await page.goto(`/services/${shop.serviceId}`);
  const rating = page.getByRole('group', { name: 'Rating' });
  await expect(rating.getByRole('radio', { checked: true })).toHaveCount(0);
  await rating.getByRole('radio', { name: '4 stars' }).check();
  await page.getByLabel('Comment (optional)').fill('Crispy fries.');
  await page.getByRole('button', { name: 'Post review' }).click();
  const mine = page.getByRole('region', { name: 'Your review' });
  await expect(mine).toContainText('Crispy fries.');
  await expect(mine.getByRole('img', { name: /Rated 4\.0/ })).toBeVisible();

  await mine.getByRole('button', { name: 'Edit review' }).click();
  const form = page.getByRole('form', { name: 'Edit your review' });
  await expect(form.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await form.getByRole('radio', { name: '2 stars' }).check();
  await form.getByLabel('Comment (optional)').fill('Cold this time.');
  await check(page, 'review-edit');
  await form.getByRole('button', { name: 'Save review' }).click();
  await expect(page.getByText('Review updated.')).toBeVisible();
  await expect(page.getByText('Thanks — you have reviewed this service.'), 'one notice at a time').toHaveCount(0);
  await expect(mine).toContainText('Cold this time.');
  await expect(page.getByRole('heading', { level: 1, name: shop.serviceName })).toBeVisible();
  await expect(page.locator('.service-hero').getByRole('img', { name: /Rated 2\.0 out of 5 from 1 review/ })).toBeVisible();

  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
  });
  await mine.getByRole('button', { name: 'Delete review' }).click();
  await expect(page.getByRole('button', { name: 'Post review' })).toBeVisible();
  expect(asked).toContain('Delete your review');
  await expect(page.getByRole('group', { name: 'Rating' }).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.locator('.service-hero')).toContainText('No ratings yet');
});

test('the vendor dashboard: today, 7 and 30 days, a chart by day, and a CSV for any range', async ({ page, check, api, shop, student }) => {
  const done = await api.placeOrder(student, shop, [['Classic Burger', 2]]);
  await advance(api, shop, done, 'completed');
  await api.placeOrder(student, shop, [['Fries', 1]]);
  await signIn(page, shop.vendor);
  await page.goto('/vendor');
  const periods = page.getByRole('list', { name: 'Orders by period' });
  for (const label of ['Today', 'Last 7 days', 'Last 30 days']) {
    const card = periods.getByRole('listitem').filter({ has: page.getByRole('heading', { name: label }) });
    await expect(card).toContainText(/Orders\s*2/);
    await expect(card).toContainText(/Completed\s*1/);
    await expect(card).toContainText(/Revenue\s*GHS\s13\.00/);
  }
  const bars = page.getByRole('list', { name: 'Revenue by day' }).getByRole('listitem');
  await expect(bars).toHaveCount(30);
  await expect(bars.last()).toContainText(/GHS\s13\.00, 2 orders, 1 completed/);
  await expect(bars.first()).toContainText(/GHS\s0\.00, 0 orders/);
  // Sales per item: the completed burgers only (the pending fries are not sales yet).
  const perItem = page.getByRole('table', { name: /Items sold/ });
  await expect(perItem.getByRole('row', { name: /Classic Burger/ })).toContainText(/2\s*GHS\s13\.00/);
  await expect(perItem.getByRole('row', { name: /Fries/ })).toHaveCount(0);
  await check(page, 'dashboard');

  const today = await page.getByLabel('To', { exact: true }).inputValue();
  await page.getByLabel('From', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(bars).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`orders-${today}-to-${today}.csv`);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('order_id,placed_at,status,customer_name,item,quantity,unit_price,line_total,order_total,payment_method,payment_status,options,refunded_amount');
  expect(csv).toContain('Classic Burger');
  expect(csv).toContain('Fries');
  await expect(page.getByText(`Downloaded orders-${today}-to-${today}.csv.`)).toBeVisible();

  await page.getByLabel('From', { exact: true }).fill('2026-12-31');
  await page.getByLabel('To', { exact: true }).fill('2026-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('Choose a “From” date on or before the “To” date.')).toBeVisible();
});

test('one tap marks an item sold out (students can no longer add it), and a refusal puts it back', async ({ page, check, newPage, shop, student }) => {
  await signIn(page, shop.vendor);
  await page.goto(`/vendor/services/${shop.serviceId}`);
  const fries = page.getByRole('button', { name: 'Sold out Fries' });
  await expect(fries).toHaveAttribute('aria-pressed', 'false');
  await fries.click();
  await expect(fries).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Sold out: hidden from ordering')).toBeVisible();
  await expect
    .poll(async () => ((await (await page.request.get(`/api/services/${shop.serviceId}/items/${shop.items['Fries'].id}/`)).json()) as { is_available: boolean }).is_available)
    .toBe(false);
  await check(page, 'items-sold-out');

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/services/${shop.serviceId}`);
  await expect(sp.getByRole('button', { name: 'Add Classic Burger to cart' })).toBeVisible();
  await expect(sp.getByRole('button', { name: 'Add Fries to cart' })).toHaveCount(0);

  // The server refuses the next change: the button shows the change at once, then goes back.
  allowConsole(page, /status of 503/);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/api/services/*/items/*/', async (route) => {
    if (route.request().method() !== 'PATCH') return route.fallback();
    await gate;
    await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ detail: 'Try again later.' }) });
  });
  const burger = page.getByRole('button', { name: 'Sold out Classic Burger' });
  await burger.click();
  await expect(burger).toHaveAttribute('aria-pressed', 'true');
  release();
  await expect(burger).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText(/Could not mark “Classic Burger” sold out/)).toBeVisible();
});

// The sweep: every page of each kind of visitor, at this project's width.
test.describe('every page passes axe, logs no error, and is photographed', () => {
  test.describe.configure({ timeout: 180_000 });

  test('public pages', async ({ page, check, shop }) => {
    allowConsole(page, /status of 404/);
    for (const [name, path] of [
      ['home', '/'],
      ['service', `/services/${shop.serviceId}`],
      ['vendor-public', `/vendors/${shop.vendor.id}`],
      ['login', '/login'],
      ['register', '/register'],
      ['cart-empty', '/cart'],
      ['not-found', '/no-such-page'],
      ['service-missing', '/services/999999'],
      ['vendor-missing', '/vendors/999999'],
    ] as const) {
      await page.goto(path);
      await check(page, `sweep-public-${name}`);
    }
  });

  test('student pages', async ({ page, check, api, shop, student }) => {
    const orderId = await api.placeOrder(student, shop, [['Classic Burger', 1], ['Fries', 2]]);
    await advance(api, shop, orderId, 'preparing');
    await signIn(page, student);
    for (const [name, path] of [
      ['home', '/'],
      ['orders', '/orders'],
      ['order', `/orders/${orderId}`],
      ['bookings', '/bookings'],
      ['notifications', '/notifications'],
      ['vendor-public', `/vendors/${shop.vendor.id}`],
      // Last: the cart is filled from this page below.
      ['service', `/services/${shop.serviceId}`],
    ] as const) {
      await page.goto(path);
      await check(page, `sweep-student-${name}`);
    }
    await page.getByRole('button', { name: 'Add Veggie Wrap to cart' }).click();
    await page.goto('/cart');
    await check(page, 'sweep-student-cart');
  });

  test('vendor pages', async ({ page, check, api, shop, student }) => {
    const orderId = await api.placeOrder(student, shop, [['Classic Burger', 1]]);
    await signIn(page, shop.vendor);
    for (const [name, path] of [
      ['dashboard', '/vendor'],
      ['queue', '/vendor/orders'],
      ['services', '/vendor/services'],
      ['service-new', '/vendor/services/new'],
      ['service-edit', `/vendor/services/${shop.serviceId}`],
      ['profile', '/vendor/profile'],
      ['schedule', `/vendor/services/${shop.serviceId}/schedule`],
      ['agenda', '/vendor/agenda'],
      ['notifications', '/notifications'],
      ['order', `/orders/${orderId}`],
      ['vendor-public', `/vendors/${shop.vendor.id}`],
    ] as const) {
      await page.goto(path);
      await check(page, `sweep-vendor-${name}`);
    }
  });
});
