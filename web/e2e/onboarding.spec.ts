// A brand-new vendor is guided profile → service → item → publish, and a new
// service stays a draft (not taking orders) until it has an item and is published.
import type { Page } from '@playwright/test';
import { expect, nav, test, uniqueTag } from './support/fixtures';

async function readService(page: Page, id: number, token?: string) {
  const res = await page.request.get(`/api/services/${id}/`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  expect(res.status()).toBe(200);
  return (await res.json()) as { is_available: boolean; availability_status: string };
}

test('a new vendor: checklist, profile, a draft service, publish once an item exists', async ({ page, check, student }) => {
  const tag = uniqueTag();
  await page.goto('/register');
  await page.getByText('Sell as a vendor').click();
  await page.getByLabel('Email').fill(`nova.${tag}@e2e.campus`);
  await page.getByLabel('Password').fill('Sturdy-pass-2024!');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => u.pathname === '/vendor/profile');

  await nav(page, 'Dashboard');
  const checklist = page.getByRole('region', { name: 'Get started' });
  await expect(checklist).toBeVisible();
  await expect(checklist.getByText('4 of 4 steps left', { exact: false })).toBeVisible();
  await expect(checklist.getByText('not done yet')).toHaveCount(4);
  await check(page, 'onboarding-checklist');

  await checklist.getByRole('link', { name: 'Create your business profile' }).click();
  await page.getByLabel('Business name').fill(`Nova Juice ${tag}`);
  await page.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();

  await nav(page, 'Dashboard');
  await expect(checklist.getByText('3 of 4 steps left', { exact: false })).toBeVisible();
  await checklist.getByRole('link', { name: 'Add a service' }).click();
  await expect(page.getByRole('heading', { name: 'New service' })).toBeVisible();
  await expect(page.getByText('A new service starts as a draft', { exact: false })).toBeVisible();
  const name = `Nova Juice Bar ${tag}`;
  await page.getByLabel('Service name').fill(name);
  await page.getByLabel('Description').fill('Cold-pressed juices.');
  await page.getByRole('button', { name: 'Create service' }).click();
  await page.waitForURL(/\/vendor\/services\/\d+/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  // A draft: labelled, not taking orders, and Publish says what is missing.
  await expect(page.getByText('Service created as a draft.', { exact: false })).toBeVisible();
  await expect(page.getByText('Draft — not taking orders')).toBeVisible();
  const publish = page.getByRole('button', { name: `Publish ${name}` });
  await expect(publish).toBeDisabled();
  await expect(page.getByText('Add an available item first.')).toBeVisible();
  expect((await readService(page, id)).is_available, 'anonymous read: not taking orders').toBe(false);
  expect((await readService(page, id, student.access)).is_available, 'student read: not taking orders').toBe(false);
  await check(page, 'onboarding-draft');

  // The list labels it too.
  await nav(page, 'My services');
  const row = page.locator('.vendor-service', { hasText: name });
  await expect(row.getByText('Draft — not taking orders')).toBeVisible();
  await expect(row.getByRole('button', { name: `Publish ${name}` })).toBeDisabled();
  await check(page, 'onboarding-services-draft');

  await nav(page, 'Dashboard');
  await expect(checklist.getByText('2 of 4 steps left', { exact: false })).toBeVisible();
  await checklist.getByRole('link', { name: 'Add an available item to it' }).click();
  await page.waitForURL((u) => u.pathname === `/vendor/services/${id}`);
  await page.getByLabel('Item name').fill('Orange Juice');
  await page.getByLabel('Price', { exact: true }).fill('2.50');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('heading', { name: 'Orange Juice' })).toBeVisible();
  // The add form stays open for the next item.
  await expect(page.getByLabel('Item name')).toHaveValue('');

  await expect(page.getByText('Draft — not taking orders')).toHaveCount(0);
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(page.getByLabel(`Availability of ${name}`)).toHaveValue('available');
  await expect(publish).toHaveCount(0);
  expect(await readService(page, id)).toMatchObject({ is_available: true, availability_status: 'available' });
  await check(page, 'onboarding-published');

  await nav(page, 'Dashboard');
  await expect(page.getByRole('heading', { level: 1, name: `Nova Juice ${tag}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Get started' })).toHaveCount(0);
  await check(page, 'onboarding-done');
});
