// A vendor's flows, each on its own fresh accounts, shop and orders.
import { expect, logIn, nav, orderCard, picturePath, signIn, test, uniqueTag } from './support/fixtures';

test('the vendor moves an order from pending to completed', async ({ page, check, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Classic Burger', 1], ['Fries', 2]]);
  await logIn(page, check, shop.vendor);
  await page.waitForURL((u) => u.pathname === '/vendor');
  await expect(page.getByText('Revenue (completed)')).toBeVisible();
  await check(page, 'vendor-dashboard');
  await nav(page, 'Order queue');
  const card = orderCard(page, orderId);
  await expect(card).toBeVisible();
  await check(page, 'vendor-queue');

  // Only the contract's allowed next steps are offered at each status.
  const steps = [
    { from: 'Pending', buttons: ['Confirm', 'Decline'], press: 'Confirm', to: 'Confirmed' },
    { from: 'Confirmed', buttons: ['Start preparing', 'Cancel order'], press: 'Start preparing', to: 'Preparing' },
    { from: 'Preparing', buttons: ['Mark ready'], press: 'Mark ready', to: 'Ready' },
    { from: 'Ready', buttons: ['Send out for delivery', 'Mark completed'], press: 'Mark completed', to: null },
  ];
  for (const step of steps) {
    await expect(card.locator('.badge', { hasText: step.from })).toBeVisible();
    // Retried: the badge can show the new status a moment before its buttons do.
    await expect
      .poll(async () => (await card.getByRole('button').allInnerTexts()).map((t) => t.replace(/\s+order #\d+$/, '').trim()), {
        message: `buttons offered from ${step.from}`,
      })
      .toEqual(step.buttons);
    await card.getByRole('button', { name: new RegExp(`^${step.press}`) }).click();
    if (step.to) await expect(card.locator('.badge', { hasText: step.to })).toBeVisible();
  }
  // Completed orders leave the "needs action" queue.
  await expect(card).toHaveCount(0);
  await page.getByRole('link', { name: 'Completed' }).click();
  await expect(orderCard(page, orderId)).toBeVisible();
  await page.goto(`/orders/${orderId}`);
  await expect(page.locator('.timeline li').nth(3)).toBeVisible();
  await check(page, 'vendor-order-detail');
  await page.goto('/vendor');
  await check(page, 'vendor-dashboard-after');
});

test('a vendor creates a service with an image that shows in the catalogue', async ({ page, check, newPage, vendor, student }) => {
  await logIn(page, check, vendor.account, 'login-vendor');
  await nav(page, 'Business profile');
  await expect(page.getByLabel('Business name'), 'the vendor profile loads').toHaveValue(vendor.businessName);
  await page.getByLabel('Logo').setInputFiles(picturePath);
  await expect(page.getByRole('img', { name: 'Preview of the chosen image' })).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Current logo' }), 'the saved logo is served from /media/').toHaveAttribute('src', /\/media\/vendor_logos\//);
  await check(page, 'vendor-profile');
  await nav(page, 'My services');
  await expect(page.getByRole('heading', { name: 'My services' })).toBeVisible();
  await check(page, 'vendor-services');
  await page.getByRole('link', { name: 'Add a service' }).first().click();
  await expect(page.getByRole('heading', { name: 'New service' })).toBeVisible();
  const name = `Smoothie Bar ${uniqueTag()}`;
  await page.getByLabel('Service name').fill(name);
  await page.getByLabel('Description').fill('Fresh fruit smoothies blended to order.');
  await page.getByLabel('Category').selectOption('food');
  await page.getByLabel('How students use it').selectOption('ordering');
  await page.getByLabel('Starting price (optional)').fill('3.00');
  await page.getByLabel('Location (optional)').fill('Sports Centre');
  await page.getByLabel('Image', { exact: true }).setInputFiles(picturePath);
  await expect(page.getByRole('img', { name: 'Preview of the chosen image' })).toBeVisible();
  await check(page, 'vendor-service-new');
  await page.getByRole('button', { name: 'Create service' }).click();
  await page.waitForURL(/\/vendor\/services\/\d+/);
  await expect(page.getByText('Service created as a draft.', { exact: false })).toBeVisible();
  await page.getByLabel('Item name').fill('Mango Smoothie');
  await page.getByLabel('Price', { exact: true }).fill('3.50');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { name: 'Mango Smoothie' })).toBeVisible();
  // A new service is a draft until published.
  await page.getByRole('button', { name: `Publish ${name}` }).click();
  await expect(page.getByLabel(`Availability of ${name}`)).toHaveValue('available');
  await check(page, 'vendor-service-edit');

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/?search=${encodeURIComponent(name)}`);
  const card = sp.locator('.service-card', { hasText: name });
  await expect(card).toBeVisible();
  const img = card.locator('img');
  await expect(img).toBeVisible();
  const { src, loaded } = await img.evaluate(async (el: HTMLImageElement) => {
    if (!el.complete) await new Promise((r) => el.addEventListener('load', r, { once: true }));
    return { src: el.currentSrc || el.src, loaded: el.naturalWidth > 0 };
  });
  expect(src, 'the catalogue image comes from /media/').toMatch(/\/media\//);
  expect(loaded, `the catalogue image loads: ${src}`).toBe(true);
  await check(sp, 'catalogue-new-service');
});

test('a new vendor registers and creates their business profile', async ({ page, check }) => {
  const businessName = `Vera's Laundry ${uniqueTag()}`;
  await page.goto('/register');
  await page.getByText('Sell as a vendor').click();
  await page.getByLabel('Email').fill(`vera.${uniqueTag()}@e2e.campus`);
  await page.getByLabel('Password').fill('Sturdy-pass-2024!');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => u.pathname === '/vendor/profile');
  await expect(page.getByText('You have no business profile yet.', { exact: false })).toBeVisible();
  await check(page, 'vendor-profile-new');
  await page.getByLabel('Business name').fill(businessName);
  await page.getByLabel('Business hours').fill('Daily 07:00-22:00');
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await nav(page, 'Dashboard');
  await expect(page.getByRole('heading', { level: 1, name: businessName })).toBeVisible();
  await check(page, 'vendor-dashboard-new');
});
