import type { Page } from '@playwright/test';
import { allowConsole, expect, nav, signIn, test } from './support/fixtures';
import { addDays, barberShop, book, campusDate, slotAt, startedMinutesAgo } from './support/bookings';

/** The time buttons of the day shown (free ones say their seats, full ones "Full"). */
function slot(page: Page, time: string) {
  return page.getByRole('list', { name: 'Times' }).getByRole('button', { name: new RegExp(`^${time}`) });
}

// Several people and pages, each checked by axe: more than the default 90 s on a busy two-core machine.
test.beforeEach(() => test.slow());

async function pickTomorrow(page: Page) {
  await page.getByRole('group', { name: 'Day' }).getByRole('button', { name: /^Tomorrow/ }).click();
  await expect(page.getByRole('heading', { name: /^Tomorrow,/ })).toBeVisible();
}

test('a student books a haircut, the vendor sees it in the agenda, the student cancels in time and the seat is free again', async ({
  page,
  check,
  api,
  request,
  newPage,
  student,
}) => {
  const shop = await barberShop(api, request, 2);
  const tomorrow = await campusDate(request, shop.serviceId, 1);
  // Two other students fill 11:00, so it shows as full.
  const eleven = await slotAt(request, shop.serviceId, tomorrow, '11:00');
  for (const name of ['Ada', 'Ben']) await book(request, await api.register('student', name, 'Other'), shop.serviceId, eleven.start);

  // Anonymous: the times are there, booking asks for a login and comes back.
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.getByRole('heading', { name: 'Book a time' })).toBeVisible();
  await page.getByRole('link', { name: 'Log in to book' }).click();
  await page.getByLabel('Email').fill(student.email);
  await page.getByLabel('Password').fill(student.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`**/services/${shop.serviceId}`);

  await pickTomorrow(page);
  await expect(slot(page, '11:00')).toBeDisabled();
  await expect(slot(page, '11:00')).toContainText('Full');
  await expect(slot(page, '10:00')).toContainText('2 seats left');
  await slot(page, '10:00').click();
  await page.getByRole('radio', { name: /^Haircut · 30 min · .*25\.00/ }).check();
  await page.getByLabel('Notes for the vendor (optional)').fill('Short on the sides, please.');
  await check(page, 'booking-panel');
  await page.getByRole('button', { name: 'Book', exact: true }).click();

  await expect(page.getByText('Your booking is confirmed')).toBeVisible();
  await expect(page.getByText(/10:00–10:30 at Barber chair .* · Haircut/)).toBeVisible();
  await check(page, 'booking-confirmed');

  // The vendor, at laptop width, finds it in tomorrow's agenda and in the week.
  const vendorPage = await newPage('vendor');
  await vendorPage.setViewportSize({ width: 1280, height: 800 });
  await signIn(vendorPage, shop.vendor);
  await vendorPage.goto('/vendor');
  await nav(vendorPage, 'Agenda');
  await vendorPage.getByRole('button', { name: 'Next day →' }).click();
  const entry = vendorPage.locator('li.agenda-entry').filter({ hasText: 'Sam Student' });
  await expect(entry).toContainText('10:00');
  await expect(entry).toContainText('Haircut');
  await expect(entry).toContainText('Short on the sides, please.');
  await expect(entry.getByText('Confirmed')).toBeVisible();
  await check(vendorPage, 'vendor-agenda-day');
  await vendorPage.getByRole('button', { name: 'Week' }).click();
  await expect(vendorPage.locator('.agenda-col')).toHaveCount(7);
  await expect(vendorPage.locator('.agenda-mini').filter({ hasText: 'Sam Student' })).toContainText('10:00');
  await check(vendorPage, 'vendor-agenda-week');

  // The student cancels from the booking page, two hours' notice being the limit.
  await page.getByRole('link', { name: /^View booking #\d+/ }).click();
  await expect(page.getByRole('heading', { name: /^Booking #\d+/ })).toBeVisible();
  // With its day: "until 08:00" alone would not say which day.
  await expect(page.getByText(/^You can cancel until \w{3} \d{1,2} \w{3}, 08:00, 2 hours before the start\.$/)).toBeVisible();
  await check(page, 'booking-detail');
  await page.getByRole('button', { name: /^Cancel booking/ }).click();
  await expect(page.locator('.order-card-head .badge')).toHaveText('Cancelled');
  await expect(page.getByText('Confirmed → Cancelled')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Cancel booking/ })).toHaveCount(0);

  await nav(page, 'My bookings');
  await expect(page.getByText('No upcoming bookings')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Past and cancelled' }).getByText('Cancelled', { exact: true })).toBeVisible();
  await check(page, 'my-bookings');

  // Back on the service page the seat is free again.
  await page.goto(`/services/${shop.serviceId}`);
  await pickTomorrow(page);
  await expect(slot(page, '10:00')).toContainText('2 seats left');
  await expect(slot(page, '10:00')).toBeEnabled();

  // And the vendor's agenda shows the cancellation (it polls).
  await vendorPage.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(entry.getByText('Cancelled')).toBeVisible({ timeout: 20_000 });
});

test('a slot taken while the student was choosing is refused in the API’s words and shown as full', async ({ page, check, api, request, student }) => {
  const shop = await barberShop(api, request, 1);
  const tomorrow = await campusDate(request, shop.serviceId, 1);
  await signIn(page, student);
  await page.goto(`/services/${shop.serviceId}`);
  await pickTomorrow(page);
  await slot(page, '14:30').click();
  await book(request, await api.register('student', 'Quick', 'Other'), shop.serviceId, (await slotAt(request, shop.serviceId, tomorrow, '14:30')).start);

  allowConsole(page, /status of 400/);
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This slot is fully booked');
  await expect(slot(page, '14:30')).toContainText('Full');
  await expect(slot(page, '14:30')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeDisabled();
  await check(page, 'booking-refused');
});

test('while another day’s times load, the day before’s cannot be picked or booked', async ({ page, api, request, student }) => {
  const shop = await barberShop(api, request, 1);
  const tomorrow = await campusDate(request, shop.serviceId, 1);
  await signIn(page, student);
  // Tomorrow's times arrive only when the test lets them (a slow phone connection).
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === `/api/services/${shop.serviceId}/slots/` && url.searchParams.get('date') === tomorrow,
    async (route) => {
      await held;
      await route.continue();
    },
  );
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.getByRole('heading', { name: 'Book a time' })).toBeVisible();
  await expect(page.getByText('Loading times…')).toHaveCount(0); // today's answer is in

  await page.getByRole('group', { name: 'Day' }).getByRole('button', { name: /^Tomorrow/ }).click();
  await expect(page.getByRole('heading', { name: /^Tomorrow,/ })).toBeVisible();
  await expect(page.getByText('Loading times…')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Times' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Book', exact: true })).toBeDisabled();

  release();
  await slot(page, '14:30').click();
  await page.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByText('Your booking is confirmed')).toBeVisible();
  const [year, month, day] = tomorrow.split('-').map(Number);
  const monthName = new Date(Date.UTC(year, month - 1, day)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  await expect(page.getByText(new RegExp(`\\b${day} ${monthName} ${year}, 14:30–15:00`))).toBeVisible();
});

test('the vendor marks started bookings completed or no-show, and cancels a later one only with a reason', async ({ page, check, api, request }) => {
  const shop = await barberShop(api, request, 1);
  const tomorrow = await campusDate(request, shop.serviceId, 1);
  const came = await api.register('student', 'Cara', 'Came');
  const missed = await api.register('student', 'Nico', 'Noshow');
  const later = await api.register('student', 'Lee', 'Later');
  const cameId = await book(request, came, shop.serviceId, (await slotAt(request, shop.serviceId, tomorrow, '09:00')).start, { service_item: shop.items.Haircut });
  const missedId = await book(request, missed, shop.serviceId, (await slotAt(request, shop.serviceId, tomorrow, '09:30')).start);
  // Both started a few minutes ago: on yesterday's agenda when the test runs just after midnight.
  const startedOn = startedMinutesAgo([cameId, missedId], 10);
  const dayAfter = addDays(startedOn, 1);
  const laterId = await book(request, later, shop.serviceId, (await slotAt(request, shop.serviceId, dayAfter, '16:00')).start, { notes: 'First time here' });

  await signIn(page, shop.vendor);
  await page.goto(`/vendor/agenda?date=${startedOn}`);
  const cara = page.locator('li.agenda-entry').filter({ hasText: 'Cara Came' });
  const nico = page.locator('li.agenda-entry').filter({ hasText: 'Nico Noshow' });
  await expect(cara).toContainText('Haircut');
  // Started bookings cannot be cancelled any more, only completed or marked no-show.
  await expect(cara.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
  await check(page, 'vendor-agenda-today');
  await cara.getByRole('button', { name: /^Complete/ }).click();
  await expect(cara.getByText('Completed')).toBeVisible();
  await nico.getByRole('button', { name: /^No-show/ }).click();
  await expect(nico.getByText('No-show', { exact: true })).toBeVisible();
  await expect(cara.getByRole('button')).toHaveCount(0);

  await page.getByRole('button', { name: 'Next day →' }).click();
  const lee = page.locator('li.agenda-entry').filter({ hasText: 'Lee Later' });
  await expect(lee).toContainText('First time here');
  await expect(lee.getByRole('button', { name: /^(Complete|No-show)/ })).toHaveCount(0);
  await lee.getByRole('button', { name: /^Cancel…/ }).click();
  await lee.getByRole('button', { name: /^Cancel booking/ }).click();
  await expect(lee.getByText('Give a reason for cancelling.')).toBeVisible();
  await check(page, 'vendor-agenda-cancel-reason');
  await lee.getByLabel(/Why are you cancelling/).fill('Barber is ill');
  await lee.getByRole('button', { name: /^Cancel booking/ }).click();
  await expect(lee.getByText('Cancelled')).toBeVisible();

  // The student reads the reason in the booking's history.
  const res = await request.get(`/api/bookings/${laterId}/`, { headers: { Authorization: `Bearer ${later.access}` } });
  const body = (await res.json()) as { booking_status: string; history: { reason: string }[] };
  expect(body.booking_status).toBe('cancelled');
  expect(body.history.at(-1)?.reason).toBe('Barber is ill');
});
