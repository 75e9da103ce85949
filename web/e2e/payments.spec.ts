// Paying online: the student chooses it at checkout, pays (or fails to) on the
// provider's page, and the vendor sees the order only once it is paid.
import type { Page } from '@playwright/test';
import { addToCart, expect, openCart, orderCard, signIn, test, type Account, type Shop } from './support/fixtures';

async function acceptOnline(request: import('@playwright/test').APIRequestContext, shop: Shop) {
  const res = await request.patch(`/api/services/${shop.serviceId}/`, {
    headers: { Authorization: `Bearer ${shop.vendor.access}` },
    data: { payment_methods: ['pay_at_pickup', 'online'] },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** Orders Fries online through the cart; ends on the provider's checkout page. Returns the order id. */
async function orderOnline(page: Page, check: (p: Page, n: string) => Promise<void>, shop: Shop): Promise<void> {
  await page.goto(`/services/${shop.serviceId}`);
  await addToCart(page, 'Fries');
  await openCart(page);
  const choice = page.getByRole('group', { name: 'How to pay' });
  await expect(choice.getByRole('radio', { name: /Pay at pickup/ })).toBeChecked();
  await choice.getByRole('radio', { name: /Pay online now/ }).check();
  await check(page, 'cart-pay-online');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/pay\/[^/]+\/$/);
  await expect(page.getByRole('heading', { name: 'Test checkout' })).toBeVisible();
  // Styled by its stylesheet (the Content-Security-Policy refuses inline styles; any refusal fails the test).
  await expect(page.getByRole('button', { name: 'Pay', exact: true })).toHaveCSS('background-color', 'rgb(21, 128, 61)');
}

async function latestOrderId(request: import('@playwright/test').APIRequestContext, student: Account): Promise<number> {
  const res = await request.get('/api/orders/', { headers: { Authorization: `Bearer ${student.access}` } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { results: Array<{ id: number }> };
  return Math.max(...body.results.map((o) => o.id));
}

test('a student pays online and only then does the vendor see the order, marked paid online', async ({ page, check, newPage, request, shop, student }) => {
  await acceptOnline(request, shop);
  await signIn(page, student);
  await orderOnline(page, check, shop);
  const orderId = await latestOrderId(request, student);

  const vendor = await newPage('vendor');
  await signIn(vendor, shop.vendor);
  await vendor.goto('/vendor/orders');
  await expect(vendor.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(vendor.locator('.loading')).toHaveCount(0);
  await expect(orderCard(vendor, orderId)).toHaveCount(0);

  await expect(page.getByRole('link', { name: 'Cancel and go back to your order' })).toHaveAttribute('href', `/orders/${orderId}`);
  await check(page, 'checkout');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText("Paid. Your order's page shows it now.");
  await check(page, 'checkout-paid');
  // Back to the app by the checkout's own link: the order page shows it paid.
  await page.getByRole('link', { name: 'Back to your order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  await expect(page.locator('.payment-state')).toHaveText('Paid');
  await expect(page.getByText('Waiting for your payment')).toHaveCount(0);
  await expect(page.locator('.timeline')).toContainText('Paid online');
  await check(page, 'order-paid-online');

  await vendor.reload();
  const card = orderCard(vendor, orderId);
  await expect(card).toBeVisible();
  await expect(card.locator('.payment-tag')).toHaveText('Paid online');
  await check(vendor, 'queue-paid-online');
});

test('a failed payment leaves the order waiting, with the time left to pay and a way to try again', async ({ page, check, newPage, request, shop, student }) => {
  await acceptOnline(request, shop);
  await signIn(page, student);
  await orderOnline(page, check, shop);
  const orderId = await latestOrderId(request, student);
  await page.getByRole('button', { name: 'Fail the payment' }).click();
  await expect(page.getByText('Awaiting payment', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('The payment failed.');
  await check(page, 'checkout-failed');

  await page.getByRole('link', { name: 'Back to your order' }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  const waiting = page.getByRole('status').filter({ hasText: 'Waiting for your payment' });
  await expect(waiting).toBeVisible();
  await expect(waiting.locator('.hold-countdown')).toHaveText(/^1[0-5]:\d\d$/);
  await expect(page.locator('.payment-state')).toHaveText('Awaiting payment');
  await expect(waiting.getByRole('link', { name: /^Pay GHS\s2\.75 now$/ })).toBeVisible();
  await check(page, 'order-payment-failed');

  // The vendor still does not see it.
  const vendor = await newPage('vendor');
  await signIn(vendor, shop.vendor);
  await vendor.goto('/vendor/orders');
  await expect(vendor.locator('.loading')).toHaveCount(0);
  await expect(orderCard(vendor, orderId)).toHaveCount(0);

  // Trying again from the order page works.
  await waiting.getByRole('link', { name: /^Pay GHS\s2\.75 now$/ }).click();
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await page.goto(`/orders/${orderId}`);
  await expect(page.locator('.payment-state')).toHaveText('Paid');
});

test('a vendor chooses which payment methods their service accepts, and the student is offered them', async ({ page, check, newPage, request, shop, student }) => {
  await signIn(page, shop.vendor);
  await page.goto(`/vendor/services/${shop.serviceId}`);
  const settings = page.getByRole('form', { name: 'Payment' });
  await expect(settings.getByRole('checkbox', { name: /Pay at pickup/ })).toBeChecked();
  await settings.getByRole('checkbox', { name: /Online/ }).check();
  await settings.getByRole('button', { name: 'Save payment methods' }).click();
  await expect(settings.getByText('Payment methods saved.')).toBeVisible();
  await check(page, 'service-payment-settings');
  const res = await request.get(`/api/services/${shop.serviceId}/`);
  expect(((await res.json()) as { payment_methods: string[] }).payment_methods.sort()).toEqual(['online', 'pay_at_pickup']);

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/services/${shop.serviceId}`);
  await addToCart(sp, 'Fries');
  await openCart(sp);
  await expect(sp.getByRole('group', { name: 'How to pay' }).getByRole('radio')).toHaveCount(2);
});
