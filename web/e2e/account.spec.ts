// Account recovery and the account page: forgot password to a login with the
// new one, the emailed verification link, a suspended account's login.
import { emailedLink } from './support/mail';
import { suspendUser } from './support/server';
import { allowConsole, expect, signIn, test } from './support/fixtures';

const NEW_PASSWORD = 'Brand-new-pass-2025!';

test('a student resets a forgotten password from the emailed link and logs in with it', async ({ page, check, student }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await check(page, 'forgot-password');
  await page.getByLabel('Email').fill(student.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();
  await check(page, 'forgot-password-sent');

  const link = await emailedLink(student.email, 'reset-password');
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await check(page, 'reset-password');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('New password again').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await check(page, 'reset-password-done');

  await page.getByRole('link', { name: 'Log in with your new password' }).click();
  await page.getByLabel('Email').fill(student.email);
  await page.getByLabel('Password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect(page.getByRole('heading', { name: 'Services on campus' })).toBeVisible();

  // The same link again: a plain answer and a way to ask for a new one.
  const stop = allowConsole(page, /status of 400/);
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('Another-pass-2026!');
  await page.getByLabel('New password again').fill('Another-pass-2026!');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Send me a new link' })).toBeVisible();
  await check(page, 'reset-password-expired');
  stop();
});

test('a new student confirms their email from the banner’s link and edits their account', async ({ page, check, student }) => {
  await signIn(page, student);
  await page.goto('/');
  const banner = page.locator('.verify-email-banner');
  await expect(banner.getByText('Confirm your email.')).toBeVisible();
  await check(page, 'verify-email-banner');
  const first = await emailedLink(student.email, 'verify-email');
  await banner.getByRole('button', { name: 'Send the link again' }).click();
  await expect(banner.getByText('A new link is on its way.')).toBeVisible();
  const link = await emailedLink(student.email, 'verify-email', [first]);

  await page.goto(link);
  await expect(page.getByText('your email address is confirmed')).toBeVisible();
  await check(page, 'verify-email-done');
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Services on campus' })).toBeVisible();
  await expect(page.locator('.verify-email-banner')).toHaveCount(0);

  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByText('Email confirmed')).toBeVisible();
  await page.getByLabel('First name').fill('Samira');
  await page.getByLabel('Phone number').fill('+233 20 123 4567');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Your details are saved.')).toBeVisible();
  await check(page, 'account');
  // The header shows the new name, and a reload keeps it.
  await page.reload();
  await expect(page.getByLabel('First name')).toHaveValue('Samira');

  await page.getByLabel('Current password').fill(student.password);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. Every other device has been signed out.')).toBeVisible();
  // This device carries on with the fresh tokens the change returned.
  await page.reload();
  await expect(page.getByLabel('First name')).toHaveValue('Samira');
});

test('a suspended account is told so after the right password', async ({ page, check, student }) => {
  suspendUser(student.id);
  const stop = allowConsole(page, /status of 403/);
  await logInExpectingError(page, student.email, student.password);
  await expect(page.getByRole('alert')).toContainText('This account is suspended');
  await check(page, 'login-suspended');
  stop();
});

async function logInExpectingError(page: import('@playwright/test').Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}


test('log out everywhere signs another device out and keeps this one', async ({ page, check, student }) => {
  const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, student);
  await otherPage.goto('/account');
  await expect(otherPage.getByRole('heading', { name: 'Your account' })).toBeVisible();

  await signIn(page, student);
  await page.goto('/account');
  await page.getByLabel('Your password', { exact: true }).fill(student.password);
  await page.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(page.getByText('Every other device has been signed out.')).toBeVisible();
  await check(page, 'account-logged-out-everywhere');
  // This device carries on with the fresh pair; the other one is back at the login.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await otherPage.reload();
  await otherPage.waitForURL((u) => u.pathname === '/login');
  await other.close();
});
