// Opening hours (issue 14): a vendor's week, closures and pauses; a student's pickup time at checkout.
import type { APIRequestContext } from '@playwright/test';
import { addToCart, allowConsole, expect, openCart, signIn, test, type Account } from './support/fixtures';

// 24-hour times on screen ("22:00"), whatever the machine's locale.
test.use({ locale: 'en-GB' });

const auth = (a: Account) => ({ Authorization: `Bearer ${a.access}` });

interface Slot {
  start: string;
  remaining: number | null;
}

/** The campus date `days` from today, in the zone the API reports. */
async function campusDate(request: APIRequestContext, serviceId: number, days: number): Promise<string> {
  const hours = await (await request.get(`/api/services/${serviceId}/hours/`)).json();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: hours.time_zone }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function slotsOn(request: APIRequestContext, serviceId: number, date: string): Promise<Slot[]> {
  const res = await request.get(`/api/services/${serviceId}/slots/?date=${date}`);
  expect(res.status()).toBe(200);
  return res.json();
}

async function orderFor(request: APIRequestContext, student: Account, serviceId: number, itemId: number, pickupAt: string) {
  const res = await request.post('/api/orders/', {
    headers: auth(student),
    data: { service: serviceId, items: [{ service_item: itemId, quantity: 1 }], pickup_at: pickupAt },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('a vendor sets weekly hours past midnight, a closure, and pauses with a countdown', async ({ page, check, shop, request }) => {
  // Many steps and four page checks on a shared two-core machine.
  test.slow();
  await signIn(page, shop.vendor);
  await page.goto('/vendor/services');
  await page.getByRole('link', { name: `Opening hours of ${shop.serviceName}` }).click();
  await expect(page.getByRole('heading', { name: 'Opening hours', level: 1 })).toBeVisible();
  // No hours yet: open whenever available.
  await expect(page.locator('.open-state')).toHaveText('Open now');
  await check(page, 'schedule-empty');

  // Monday 08:00–14:00, Friday late 22:00–02:00 (into Saturday).
  await page.getByRole('button', { name: 'Add hours on Monday' }).click();
  await page.getByLabel('Monday, period 1, Opens').fill('08:00');
  await page.getByLabel('Monday, period 1, closes').fill('14:00');
  await page.getByRole('button', { name: 'Add hours on Friday' }).click();
  await page.getByLabel('Friday, period 1, Opens').fill('22:00');
  await page.getByLabel('Friday, period 1, closes').fill('02:00');
  await expect(page.getByText('Past midnight: closes Saturday 02:00')).toBeVisible();
  // Saturday 01:00 overlaps Friday's late period: the API refuses, and says so on the page.
  await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
  await page.getByLabel('Saturday, period 1, Opens').fill('01:00');
  await page.getByLabel('Saturday, period 1, closes').fill('05:00');
  const allow400 = allowConsole(page, /status of 400/);
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /overlap/i }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Remove Saturday, period 1' }).click();
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByText('Weekly hours saved.')).toBeVisible();
  const hours = await (await request.get(`/api/services/${shop.serviceId}/hours/`)).json();
  expect(hours.weekly).toEqual([
    { weekday: 0, opens: '08:00', closes: '14:00' },
    { weekday: 4, opens: '22:00', closes: '02:00' },
  ]);
  await check(page, 'schedule-week');

  // A closure: a range that ends before it starts is refused beside the field, then a good one.
  const start = await campusDate(request, shop.serviceId, 10);
  const dayBefore = await campusDate(request, shop.serviceId, 9);
  await page.getByLabel('First day closed').fill(start);
  await page.getByLabel('Last day closed').fill(dayBefore);
  await page.getByLabel('Reason (optional)').last().fill('Exam week');
  await page.getByRole('button', { name: 'Add closure' }).click();
  await expect(page.locator('.field-invalid').filter({ has: page.getByLabel('Last day closed') }).locator('.field-error')).toBeVisible();
  allow400();
  await page.getByLabel('Last day closed').fill(await campusDate(request, shop.serviceId, 12));
  await page.getByRole('button', { name: 'Add closure' }).click();
  await expect(page.getByRole('list', { name: 'Coming closures' })).toContainText('Exam week');
  expect((await (await request.get(`/api/services/${shop.serviceId}/closures/`)).json())[0]).toMatchObject({ starts_on: start, reason: 'Exam week' });

  // A 15-minute pause for the rush, with a countdown that runs.
  await page.getByLabel('Reason (optional)').first().fill('rush');
  await page.getByRole('button', { name: 'Pause 15 min' }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText(/^Paused until \d\d:\d\d \(rush\) · 1[45]:\d\d left$/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first!);
  await check(page, 'schedule-paused');
  await page.getByRole('button', { name: 'Resume orders now' }).click();
  await expect(page.getByRole('button', { name: 'Pause 15 min' })).toBeVisible();
  expect((await (await request.get(`/api/services/${shop.serviceId}/hours/`)).json()).paused_until).toBeNull();

  // Timing settings on the service's edit page, refused out of range beside the field.
  await page.getByRole('link', { name: shop.serviceName }).click();
  await page.getByLabel('Preparation time (minutes)').fill('0');
  await page.getByLabel('Orders per pickup time (orders)').fill('6');
  const allowRefusal = allowConsole(page, /status of 400/);
  await page.getByRole('button', { name: 'Save timing' }).click();
  await expect(page.locator('.field-invalid').filter({ has: page.getByLabel('Preparation time (minutes)') }).locator('.field-error')).toBeVisible();
  allowRefusal();
  await page.getByLabel('Preparation time (minutes)').fill('20');
  await page.getByRole('button', { name: 'Save timing' }).click();
  await expect(page.getByText('Timing saved.')).toBeVisible();
  await check(page, 'service-timing');
  expect(await (await request.get(`/api/services/${shop.serviceId}/`)).json()).toMatchObject({ prep_minutes: 20, orders_per_slot: 6 });
});

test('a student chooses a pickup time, sees full times as full, and the order keeps that time', async ({ page, check, shop, student, api, request }) => {
  test.slow();
  // Open every day 08:00–20:00, one order per 15-minute pickup time.
  const weekly = Array.from({ length: 7 }, (_, weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));
  expect((await request.put(`/api/services/${shop.serviceId}/hours/`, { headers: auth(shop.vendor), data: { weekly } })).status()).toBe(200);
  const settings = await request.patch(`/api/services/${shop.serviceId}/`, { headers: auth(shop.vendor), data: { orders_per_slot: 1, pickup_slot_minutes: 15 } });
  expect(settings.status(), await settings.text()).toBe(200);
  const tomorrow = await campusDate(request, shop.serviceId, 1);
  const slots = await slotsOn(request, shop.serviceId, tomorrow);
  expect(slots.slice(0, 3).map((s) => s.remaining)).toEqual([1, 1, 1]);
  // Someone else takes 08:00.
  const other = await api.register('student', 'Olu', 'Other');
  await orderFor(request, other, shop.serviceId, shop.items['Fries'].id, slots[0].start);

  await signIn(page, student);
  // Open 08:00–20:00 campus time (UTC on the test server) every day: the card and the page say which.
  await page.goto(`/?search=${encodeURIComponent(shop.serviceName)}`);
  await expect(page.locator('.service-card .open-state')).toHaveText(/^(Open now|Closed · opens (today|tomorrow) 08:00)$/);
  await check(page, 'catalogue-open-state');
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.locator('.open-state')).toHaveText(/^(Open now · closes 20:00|Closed · opens (today|tomorrow) 08:00)$/);
  await check(page, 'service-open-state');
  await addToCart(page, 'Classic Burger');
  // A rush pause: as soon as possible is not offered (the API would refuse it), pickup times still are.
  const paused = await request.post(`/api/services/${shop.serviceId}/pause/`, { headers: auth(shop.vendor), data: { minutes: 30, reason: 'rush' } });
  expect(paused.status()).toBe(200);
  await openCart(page);
  await expect(page.getByRole('group', { name: 'When do you want it?' })).toBeVisible();
  await expect(page.getByText(/^Paused until \d\d:\d\d \(rush\)$/)).toBeVisible();
  await expect(page.getByRole('radio', { name: 'As soon as possible' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Pickup time' })).toBeChecked();
  await page.getByRole('group', { name: 'Pickup day' }).getByRole('button', { name: 'Tomorrow' }).click();
  const times = page.getByRole('radiogroup', { name: 'Pickup times, Tomorrow' });
  await expect(times.getByRole('radio', { name: '08:00 Full' })).toBeDisabled();

  // 08:15 is chosen, but taken by someone else before the student presses the button.
  await times.getByRole('radio', { name: /^08:15/ }).click();
  await expect(times.getByRole('radio', { name: /^08:15/ })).toBeChecked();
  await check(page, 'checkout-pickup');
  await orderFor(request, other, shop.serviceId, shop.items['Fries'].id, slots[1].start);
  const allow400 = allowConsole(page, /status of 400/);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'This pickup time is full; choose another one.' })).toBeVisible();
  await expect(times.getByRole('radio', { name: '08:15 Full' })).toBeDisabled();
  allow400();

  await times.getByRole('radio', { name: /^08:30/ }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/\/orders\/\d+/);
  const orderId = Number(/\/orders\/(\d+)/.exec(page.url())![1]);
  const order = await (await request.get(`/api/orders/${orderId}/`, { headers: auth(student) })).json();
  expect(Date.parse(order.pickup_at)).toBe(Date.parse(slots[2].start));
  expect(Date.parse(order.estimated_ready_at)).toBe(Date.parse(slots[2].start));
});
