// Checkout's pickup time: a closed day says it is closed, why and when the
// service opens again; the day's times are one control the arrow keys move.
import { addToCart, expect, openCart, signIn, test } from './support/fixtures';
import { campusDate } from './support/bookings';

test('a closed day shows the closure reason and the next opening; pickup times are one arrow-key control', async ({ page, check, request, shop, student }) => {
  const auth = { Authorization: `Bearer ${shop.vendor.access}` };
  const hours = await request.put(`/api/services/${shop.serviceId}/hours/`, {
    headers: auth,
    data: { weekly: Array.from({ length: 7 }, (_, weekday) => ({ weekday, opens: '00:00', closes: '23:30' })) },
  });
  expect(hours.status(), await hours.text()).toBe(200);
  const tomorrow = await campusDate(request, shop.serviceId, 1);
  const closure = await request.post(`/api/services/${shop.serviceId}/closures/`, {
    headers: auth,
    data: { starts_on: tomorrow, ends_on: tomorrow, reason: 'Staff training' },
  });
  expect(closure.status(), await closure.text()).toBe(201);

  await signIn(page, student);
  await page.goto(`/services/${shop.serviceId}`);
  await addToCart(page, 'Fries');
  await openCart(page);
  const pickupTime = page.getByRole('radio', { name: 'Pickup time' });
  if (!(await pickupTime.isChecked())) await pickupTime.check();
  const days = page.getByRole('group', { name: 'Pickup day' });
  await days.getByRole('button', { name: 'Tomorrow' }).click();
  await expect(page.getByText('Closed tomorrow')).toBeVisible();
  await expect(page.getByText(/^Staff training\. Opens again \w/)).toBeVisible();
  await expect(page.getByText('No pickup times left on this day')).toHaveCount(0);
  await check(page, 'checkout-closed-day');

  // The day after: open all day, its times one radio group.
  await days.getByRole('button').nth(2).click();
  const times = page.getByRole('radiogroup', { name: /^Pickup times, / });
  await expect(times.getByRole('radio').first()).toBeVisible();
  const first = times.getByRole('radio').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const second = times.getByRole('radio').nth(1);
  await expect(second).toBeChecked();
  await expect(second).toBeFocused();
  await page.keyboard.press('End');
  await expect(times.getByRole('radio').last()).toBeChecked();
  // One Tab stop for the whole group: Tab leaves it.
  await expect(times.locator('[tabindex="0"]')).toHaveCount(1);
  await check(page, 'checkout-slot-radios');
});
