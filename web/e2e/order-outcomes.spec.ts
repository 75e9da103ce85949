// What a student is told after the fact: why an order was cancelled, and who
// may review what (booking services included), with reviewers shown briefly.
import { expect, signIn, test } from './support/fixtures';
import { barberShop, book, campusDate, slotsOn, startedMinutesAgo } from './support/bookings';

test('a vendor must say why they decline, and the student reads the reason on the order', async ({ page, check, newPage, api, shop, student }) => {
  const orderId = await api.placeOrder(student, shop, [['Fries', 1]]);
  await signIn(page, shop.vendor);
  await page.goto(`/orders/${orderId}`);
  await page.getByRole('button', { name: `Decline order #${orderId}` }).click();
  const form = page.getByRole('form', { name: `Decline order #${orderId}` });
  await expect(form.getByLabel('Why? The customer sees this.')).toBeFocused();
  await form.getByRole('button', { name: `Decline order #${orderId}` }).click();
  await expect(form.getByText('Give the customer a reason.')).toBeVisible();
  await check(page, 'decline-needs-reason');
  await form.getByRole('button', { name: 'Sold out of an item' }).click();
  await expect(form.getByLabel('Why? The customer sees this.')).toHaveValue('Sold out of an item');
  await form.getByRole('button', { name: `Decline order #${orderId}` }).click();
  await expect(page.locator('.badge', { hasText: 'Cancelled' }).first()).toBeVisible();

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/orders/${orderId}`);
  await expect(sp.getByRole('note')).toContainText('Reason given: Sold out of an item');
  await expect(sp.locator('.timeline')).toContainText('Reason: Sold out of an item');
  await check(sp, 'order-declined-with-reason');
});

test('a student with a booking may review the booking service, with stars, and is shown as first name and initial', async ({ page, check, api, request, student }) => {
  const barber = await barberShop(api, request);
  const date = await campusDate(request, barber.serviceId, 1);
  const [slot] = await slotsOn(request, barber.serviceId, date);
  const bookingId = await book(request, student, barber.serviceId, slot.start);
  startedMinutesAgo(bookingId, 60);
  const done = await request.post(`/api/bookings/${bookingId}/update_status/`, {
    headers: { Authorization: `Bearer ${barber.vendor.access}` },
    data: { booking_status: 'completed' },
  });
  expect(done.ok(), await done.text()).toBe(true);

  await signIn(page, student);
  await page.goto(`/services/${barber.serviceId}`);
  await expect(page.getByText('Order from this service to leave a review.')).toHaveCount(0);
  const stars = page.getByRole('group', { name: 'Rating' });
  // One control: arrow keys move the choice along the stars.
  await stars.getByRole('radio', { name: '3 stars' }).check();
  await page.keyboard.press('ArrowRight');
  await expect(stars.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await page.getByLabel('Comment (optional)').fill('Sharp fade.');
  await check(page, 'booking-review-form');
  await page.getByRole('button', { name: 'Post review' }).click();
  await expect(page.getByText('Thanks — you have reviewed this service.')).toBeVisible();
  const listed = page.locator('.review-list .review').first();
  await expect(listed).toContainText('Sam S.');
  await expect(listed).not.toContainText('Sam Student');
});

test('the service page never contradicts itself: no "Open" chip beside a pause, "from" is the cheapest item', async ({ page, check, api, request, shop }) => {
  await api.createItem(shop.vendor, shop.serviceId, 'Lemonade', '1.90');
  const paused = await request.post(`/api/services/${shop.serviceId}/pause/`, {
    headers: { Authorization: `Bearer ${shop.vendor.access}` },
    data: { minutes: 30, reason: 'rush' },
  });
  expect(paused.status(), await paused.text()).toBe(200);
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.getByRole('heading', { level: 1, name: shop.serviceName })).toBeVisible();
  await expect(page.getByText(/^Paused until .+\(rush\)$/)).toBeVisible();
  await expect(page.locator('.service-hero .chips').getByText('Open', { exact: true })).toHaveCount(0);
  await expect(page.locator('.facts')).toContainText(/from GHS\s1\.90/);
  await check(page, 'service-paused-no-open-chip');
});
