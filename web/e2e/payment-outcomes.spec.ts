// What the student reads when an online payment does not end in "Paid": the
// hold lapsed (the system cancelled the order), or a paid order was cancelled
// and its money is on the way back.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Locator } from '@playwright/test';
import { expect, signIn, test, type Account, type Shop } from './support/fixtures';

const repoDir = fileURLToPath(new URL('../../', import.meta.url));

interface Placed {
  id: number;
  payment: { reference: string; status: string };
}

async function placeOnline(request: APIRequestContext, shop: Shop, student: Account): Promise<Placed> {
  const accept = await request.patch(`/api/services/${shop.serviceId}/`, {
    headers: { Authorization: `Bearer ${shop.vendor.access}` },
    data: { payment_methods: ['pay_at_pickup', 'online'] },
  });
  expect(accept.status(), await accept.text()).toBe(200);
  const res = await request.post('/api/orders/', {
    headers: { Authorization: `Bearer ${student.access}` },
    data: { service: shop.serviceId, items: [{ service_item: shop.items.Fries.id, quantity: 1 }], payment_method: 'online' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const order = (await res.json()) as Placed;
  expect(order.payment.status).toBe('awaiting_payment');
  return order;
}

/** Runs Python in the test server's database (a Django shell). */
function inServer(code: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `sqlite:///${repoDir}var/e2e/db.sqlite3`, DEBUG: 'true' };
  delete env.REDIS_URL;
  execFileSync(`${repoDir}.venv/bin/python`, ['manage.py', 'shell', '-c', code], { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Moves the order's hold to end `minutes` from now (0: now, then runs the sweep the scheduler runs every minute). */
function setHold(reference: string, minutes: number) {
  inServer(
    [
      'from datetime import timedelta',
      'from django.utils import timezone',
      'from payments.models import Payment',
      'from payments.services import holds_expire',
      `n = Payment.objects.filter(reference=${JSON.stringify(reference)}).update(hold_expires_at=timezone.now() + timedelta(minutes=${minutes}))`,
      'assert n == 1, n',
      ...(minutes <= 0 ? ['holds_expire()'] : []),
    ].join('\n'),
  );
}

test("the time left to pay is the server's hold, not a fixed 15 minutes", async ({ page, request, shop, student }) => {
  const order = await placeOnline(request, shop, student);
  setHold(order.payment.reference, 3);
  await signIn(page, student);
  await page.goto(`/orders/${order.id}`);
  const waiting = page.getByRole('status').filter({ hasText: 'Waiting for your payment' });
  await expect(waiting.locator('.hold-countdown')).toHaveText(/^[23]:\d\d$/);
});

test('a lapsed payment hold: the order says it was not paid in time and nothing was charged', async ({ page, check, request, shop, student }) => {
  const order = await placeOnline(request, shop, student);
  setHold(order.payment.reference, 0);
  await signIn(page, student);
  await page.goto(`/orders/${order.id}`);
  await expect(page.locator('.payment-state')).toHaveText('Payment not completed');
  await expect(page.getByText(/was not paid in time, so it was cancelled/)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Pay .* now$/ })).toHaveCount(0);
  await check(page, 'order-payment-expired');
});

test('a paid order the student cancels shows its refund', async ({ page, check, request, shop, student }) => {
  const order = await placeOnline(request, shop, student);
  const paid = await request.post(`/pay/${order.payment.reference}/`, { form: { outcome: 'success' } });
  expect(paid.status(), await paid.text()).toBe(200);
  const cancelled = await request.post(`/api/orders/${order.id}/update_status/`, {
    headers: { Authorization: `Bearer ${student.access}` },
    data: { order_status: 'cancelled' },
  });
  expect(cancelled.status(), await cancelled.text()).toBe(200);
  await signIn(page, student);
  await page.goto(`/orders/${order.id}`);
  await expect(page.locator('.payment-state')).toHaveText(/^(Refund pending|Refunded)$/);
  await expect(page.getByRole('status').filter({ hasText: /Refund pending|Refunded/ })).toBeVisible();
  await check(page, 'order-refund');
});

test("the vendor's dashboard splits the money: paid online, paid at pickup, refunded", async ({ page, check, request, shop, student }) => {
  const asStudent = { Authorization: `Bearer ${student.access}` };
  const asVendor = { Authorization: `Bearer ${shop.vendor.access}` };
  const place = async (quantity: number, payment_method: 'online' | 'pay_at_pickup'): Promise<Placed> => {
    const res = await request.post('/api/orders/', {
      headers: asStudent,
      data: { service: shop.serviceId, items: [{ service_item: shop.items.Fries.id, quantity }], payment_method },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as Placed;
  };
  const pay = async (order: Placed) => {
    const res = await request.post(`/pay/${order.payment.reference}/`, { form: { outcome: 'success' } });
    expect(res.status(), await res.text()).toBe(200);
  };
  const move = async (order: Placed, headers: Record<string, string>, ...statuses: string[]) => {
    for (const order_status of statuses) {
      const res = await request.post(`/api/orders/${order.id}/update_status/`, { headers, data: { order_status } });
      expect(res.status(), await res.text()).toBe(200);
    }
  };

  // Fries are 2.75: 2 paid online (5.50), 1 paid online then cancelled (2.75 refunded),
  // 3 paid at pickup and collected (8.25), and 1 still waiting for its payment (not the vendor's).
  const first = await placeOnline(request, shop, student);
  const kept = await place(2, 'online');
  await pay(kept);
  await pay(first);
  await move(first, asStudent, 'cancelled');
  await expect
    .poll(async () => ((await (await request.get(`/api/orders/${first.id}/`, { headers: asStudent })).json()) as Placed).payment.status, { timeout: 30_000 })
    .toBe('refunded');
  const atPickup = await place(3, 'pay_at_pickup');
  await move(atPickup, asVendor, 'confirmed', 'preparing', 'ready', 'completed');
  await place(1, 'online');

  await signIn(page, shop.vendor);
  await page.goto('/vendor');
  const figure = (scope: Locator, name: string) => scope.locator('.payment-figures > div').filter({ has: page.locator('dt', { hasText: name }) }).locator('dd');
  const today = page.getByRole('list', { name: 'Orders by period' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Today' }) });
  await expect(figure(today, 'Paid online')).toHaveText(/^GHS\s5\.50$/);
  await expect(figure(today, 'Paid at pickup')).toHaveText(/^GHS\s8\.25$/);
  await expect(figure(today, 'Refunded')).toHaveText(/^GHS\s2\.75$/);
  // The sales report's range (the CSV's) says the same.
  const report = page.getByRole('region', { name: 'Payments' });
  await expect(figure(report, 'Paid online')).toHaveText(/^GHS\s5\.50$/);
  await expect(figure(report, 'Paid at pickup')).toHaveText(/^GHS\s8\.25$/);
  await expect(figure(report, 'Refunded')).toHaveText(/^GHS\s2\.75$/);
  await check(page, 'vendor-dashboard-payments');
});
