// The vendor's side of options and stock: groups written in the item editor
// and today's counts on the stock screen, each checked where a student meets
// them (the choice sheet, "Sold out" on the service page).
import type { APIRequestContext, Page } from '@playwright/test';
import { allowConsole, expect, signIn, test, type Shop } from './support/fixtures';

async function openOptions(page: Page, shop: Shop, item: string) {
  await page.goto(`/vendor/services/${shop.serviceId}`);
  await page.getByRole('button', { name: `Options of ${item}` }).click();
  const editor = page.getByRole('region', { name: `Options for ${item}` });
  await expect(editor).toBeVisible();
  return editor;
}

async function sizeGroup(request: APIRequestContext, shop: Shop) {
  const res = await request.post(`/api/services/${shop.serviceId}/items/${shop.items['Classic Burger'].id}/option-groups/`, {
    headers: { Authorization: `Bearer ${shop.vendor.access}` },
    data: { name: 'Size', min_choices: 1, max_choices: 1, options: [{ name: 'Regular' }, { name: 'Large', price_delta: '1.50' }] },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('a vendor adds a required single-choice group and a student chooses from it at its price', async ({ page, check, newPage, shop, student }) => {
  await signIn(page, shop.vendor);
  const editor = await openOptions(page, shop, 'Classic Burger');
  await expect(editor.getByText('No option groups yet')).toBeVisible();
  await editor.getByRole('button', { name: 'Add an option group' }).click();
  const form = editor.getByRole('form', { name: 'New option group' });
  await form.getByLabel('Group name').fill('Size');
  await expect(form.getByLabel('Students choose')).toHaveValue('single');
  await expect(form.getByLabel('Required: the student must choose one')).toBeChecked();
  await form.getByLabel('Option 1 name').fill('Regular');
  await form.getByLabel('Option 1 extra price').fill('0.50');
  await form.getByLabel('Option 2 name').fill('Regular');
  await form.getByLabel('Option 2 extra price').fill('1.50');

  // The server refuses two options of one name; the message sits by the options.
  const allow = allowConsole(page, /status of 400/);
  await form.getByRole('button', { name: 'Add group' }).click();
  await expect(form.locator('.group-form-options .field-error')).toContainText('Option names must be unique within the group: Regular.');
  allow();
  await check(page, 'menu-group-refused');
  await form.getByLabel('Option 2 name').fill('Large');
  await form.getByRole('button', { name: 'Add group' }).click();

  const group = editor.getByRole('listitem', { name: 'Group Size' });
  await expect(group).toBeVisible();
  await expect(group.getByText('Required · choose 1')).toBeVisible();
  await expect(group.locator('.option-row')).toHaveText([/^Regular\s*\+GHS\s0\.50/, /^Large\s*\+GHS\s1\.50/]);
  await expect(page.getByText('1 option group')).toBeVisible();
  await check(page, 'menu-group-added');

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/services/${shop.serviceId}`);
  await sp.getByRole('button', { name: 'Choose options for Classic Burger' }).click();
  const sheet = sp.getByRole('dialog', { name: 'Classic Burger' });
  await expect(sheet.getByRole('group', { name: /Size Required · choose 1/ })).toBeVisible();
  await expect(sheet.getByRole('radio', { name: /Large \+GHS\s1\.50/ })).toBeVisible();
  await expect(sheet.getByRole('button', { name: /^Add to cart/ })).toBeDisabled();
  await sheet.getByRole('radio', { name: /Large/ }).check();
  await expect(sheet.locator('.option-price')).toHaveText(/^GHS\s8\.00$/);
  await sheet.getByRole('radio', { name: /Regular/ }).check();
  await expect(sheet.locator('.option-price')).toHaveText(/^GHS\s7\.00$/);
  await check(sp, 'menu-student-sheet');
});

test('a vendor moves groups and options, and copies a group to another item', async ({ page, check, request, shop }) => {
  await sizeGroup(request, shop);
  await signIn(page, shop.vendor);
  const editor = await openOptions(page, shop, 'Classic Burger');
  await editor.getByRole('button', { name: 'Add an option group' }).click();
  const form = editor.getByRole('form', { name: 'New option group' });
  await form.getByLabel('Group name').fill('Extras');
  await form.getByLabel('Students choose').selectOption('multiple');
  await form.getByLabel('At least').fill('0');
  await form.getByLabel('At most').fill('2');
  await form.getByLabel('Option 1 name').fill('Cheese');
  await form.getByLabel('Option 1 extra price').fill('0.75');
  await form.getByLabel('Option 2 name').fill('Bacon');
  await form.getByLabel('Option 2 extra price').fill('1.25');
  await form.getByRole('button', { name: 'Add group' }).click();
  const names = editor.locator('.option-group-name');
  await expect(names).toHaveText(['Size', 'Extras']);

  await editor.getByRole('button', { name: 'Move up group Extras' }).click();
  await expect(names).toHaveText(['Extras', 'Size']);
  await expect(editor.getByRole('button', { name: 'Move up group Extras' })).toBeDisabled();
  const size = editor.getByRole('listitem', { name: 'Group Size' });
  await size.getByRole('button', { name: 'Move up Large' }).click();
  await expect(size.locator('.option-row')).toHaveText([/^Large/, /^Regular/]);
  await check(page, 'menu-moved');

  await page.getByRole('button', { name: 'Options of Fries' }).click();
  const fries = page.getByRole('region', { name: 'Options for Fries' });
  await fries.getByLabel('Copy a group from another item').selectOption({ label: 'Classic Burger: Size' });
  await fries.getByRole('button', { name: 'Copy group' }).click();
  await expect(fries.getByRole('listitem', { name: 'Group Size' }).locator('.option-row')).toHaveText([/^Large\s*\+GHS\s1\.50/, /^Regular/]);

  // The reload shows what the server stored, in that order.
  await page.reload();
  const again = await openOptions(page, shop, 'Classic Burger');
  await expect(again.locator('.option-group-name')).toHaveText(['Extras', 'Size']);
});

test('an option the vendor marks unavailable cannot be chosen, and comes back in one tap', async ({ page, check, newPage, request, shop, student }) => {
  await sizeGroup(request, shop);
  await signIn(page, shop.vendor);
  const editor = await openOptions(page, shop, 'Classic Burger');
  const toggle = editor.getByRole('button', { name: 'Unavailable Large' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(editor.locator('.option-row').filter({ hasText: 'Large' })).toContainText('unavailable');
  await check(page, 'menu-option-unavailable');

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/services/${shop.serviceId}`);
  await sp.getByRole('button', { name: 'Choose options for Classic Burger' }).click();
  const sheet = sp.getByRole('dialog', { name: 'Classic Burger' });
  await expect(sheet.getByRole('radio', { name: /Large/ })).toBeDisabled();
  await expect(sheet.getByRole('radio', { name: /Regular/ })).toBeEnabled();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await sp.reload();
  await sp.getByRole('button', { name: 'Choose options for Classic Burger' }).click();
  await expect(sheet.getByRole('radio', { name: /Large/ })).toBeEnabled();
});

test('a vendor sets today’s counts on the stock screen and a student sees the item sold out', async ({ page, check, newPage, shop, student }) => {
  await signIn(page, shop.vendor);
  await page.goto(`/vendor/services/${shop.serviceId}`);
  await page.getByRole('link', { name: 'Today’s stock counts' }).first().click();
  await expect(page.getByRole('heading', { name: 'Today’s stock' })).toBeVisible();
  const fries = page.getByRole('spinbutton', { name: 'Fries' });
  await expect(fries).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Not counted (Fries)' }).uncheck();
  await fries.fill('0');
  await expect(page.locator('.stock-row').filter({ has: fries }).getByText('Sold out')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Not counted (Flat White)' }).uncheck();
  await page.getByRole('spinbutton', { name: 'Flat White' }).fill('-2');
  await page.getByRole('button', { name: 'Save all' }).click();
  await expect(page.getByText('Enter a whole number from 0 to 1,000,000')).toBeVisible();
  await page.getByRole('spinbutton', { name: 'Flat White' }).fill('3');
  await page.getByRole('button', { name: 'Save all' }).click();
  await expect(page.getByText('Saved 2 counts.')).toBeVisible();
  await check(page, 'menu-stock');

  const sp = await newPage('student');
  await signIn(sp, student);
  await sp.goto(`/services/${shop.serviceId}`);
  const row = sp.locator('.item-row').filter({ has: sp.getByRole('heading', { name: 'Fries' }) });
  await expect(row.getByText('Sold out')).toBeVisible();
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(sp.locator('.item-row').filter({ has: sp.getByRole('heading', { name: 'Flat White' }) }).getByText('3 left')).toBeVisible();

  // Back to not counted: the item can be ordered again.
  await page.getByRole('checkbox', { name: 'Not counted (Fries)' }).check();
  await page.getByRole('button', { name: 'Save all' }).click();
  await expect(page.getByText('Saved 1 count.')).toBeVisible();
  await sp.reload();
  await expect(row.getByRole('button', { name: 'Add Fries to cart' })).toBeVisible();
});
