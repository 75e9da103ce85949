// Search in the catalogue: results follow the box as the student types (after a
// pause, not per key), the URL keeps the query, and each card says which of its
// menu items matched. The demo data (seed_demo) provides the names searched for:
// the Morning Coffee Cart sells a Croissant at 1.80, and Library Print Point runs
// two printing services; other tests' shops never use these words.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const box = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

/** The catalogue card whose title is `name`. */
const card = (page: Page, name: string) =>
  page.locator('.service-card').filter({ has: page.getByRole('heading', { name, exact: true }) });

const matches = (page: Page, service: string) => card(page, service).getByRole('list', { name: 'Matching items' }).getByRole('listitem');

/** The `search` of every catalogue request the page sends from now on. */
function recordSearches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/services/' && url.searchParams.has('search')) seen.push(url.searchParams.get('search')!);
  });
  return seen;
}

/** Resolves once the browser has painted twice, so whatever an answer changes is on screen. */
async function painted(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

test('typing an item name finds the service that sells it, with the item and its price, in one request', async ({ page, check }) => {
  await page.goto('/');
  await expect(page.locator('.result-count')).toBeVisible();
  const entries = await page.evaluate(() => history.length);
  const searches = recordSearches(page);

  await box(page).pressSequentially('croissant');
  await expect(page).toHaveURL(/[?&]search=croissant(&|$)/);
  await expect(page.getByText('1 service', { exact: true })).toBeVisible();
  await expect(matches(page, 'Morning Coffee Cart')).toHaveText([/^Croissant · GHS\s1\.80$/]);
  await expect(card(page, 'Morning Coffee Cart')).toContainText('by Union Kitchen');
  await check(page, 'search-matched-item');

  // Nine keys, not nine searches: the box waits for a pause, and the last answer is the one shown.
  expect(searches.length).toBeLessThan('croissant'.length);
  expect(searches.at(-1)).toBe('croissant');
  // Typing replaced the history entry instead of adding one per key.
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test("typing a vendor's name finds all of that vendor's services, and a space before the next word is kept", async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.result-count')).toBeVisible();
  await box(page).pressSequentially('Library ');
  await expect(page).toHaveURL(/[?&]search=Library(&|$)/);
  // The URL caught up with "Library"; the space typed after it stays in the box.
  await expect(box(page)).toHaveValue('Library ');
  await box(page).pressSequentially('Print Point');
  await expect(box(page)).toHaveValue('Library Print Point');
  await expect(page).toHaveURL(/[?&]search=Library(\+|%20)Print(\+|%20)Point(&|$)/);
  await expect(page.getByText('2 services', { exact: true })).toBeVisible();
  for (const name of ['Thesis Printing & Binding', 'Poster Printing Appointments']) {
    await expect(card(page, name)).toContainText('by Library Print Point');
  }
});

test('the query survives a reload and Back, and clearing the box shows everything again', async ({ page }) => {
  await page.goto('/');
  const all = page.locator('.result-count');
  await expect(all).toBeVisible();
  const total = Number((await all.textContent())!.match(/\d+/)![0]);

  await box(page).fill('croissant');
  await expect(page).toHaveURL(/[?&]search=croissant(&|$)/);
  await expect(matches(page, 'Morning Coffee Cart')).toHaveCount(1);

  await page.reload();
  await expect(box(page)).toHaveValue('croissant');
  await expect(matches(page, 'Morning Coffee Cart')).toHaveText([/^Croissant · GHS\s1\.80$/]);

  await card(page, 'Morning Coffee Cart').getByRole('link', { name: 'Morning Coffee Cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Morning Coffee Cart' })).toBeVisible();
  await page.goBack();
  await expect(box(page)).toHaveValue('croissant');
  await expect(page.getByText('1 service', { exact: true })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Morning Coffee Cart' })).toBeVisible();
  await page.goBack();
  await expect(box(page)).toHaveValue('croissant');

  await box(page).fill('');
  await expect(page).not.toHaveURL(/search=/);
  // Every service again (other tests may have added some meanwhile), with no matched items.
  await expect.poll(async () => Number((await all.textContent())!.match(/\d+/)![0])).toBeGreaterThanOrEqual(total);
  await expect(page.getByRole('list', { name: 'Matching items' })).toHaveCount(0);
});

test('a search with one typo still finds the item', async ({ page }) => {
  await page.goto('/?search=croisant');
  await expect(box(page)).toHaveValue('croisant');
  await expect(matches(page, 'Morning Coffee Cart')).toHaveText([/^Croissant · GHS\s1\.80$/]);
});

test('a link with a search over the 100-character limit shows results for its first 100, not an error', async ({ page }) => {
  await page.goto(`/?search=${encodeURIComponent(`croissant${' '.repeat(95)}cut off here`)}`);
  await expect(matches(page, 'Morning Coffee Cart')).toHaveText([/^Croissant · GHS\s1\.80$/]);
  await expect(page.getByText('Could not load this')).toHaveCount(0);
});

test('a late answer to an older search never replaces the newer one', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const isCroissant = (url: URL) => url.pathname === '/api/services/' && url.searchParams.get('search') === 'croissant';
  await page.route(isCroissant, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('.result-count')).toBeVisible();

  const sent = page.waitForRequest((request) => isCroissant(new URL(request.url())));
  await box(page).fill('croissant');
  await sent;
  await box(page).fill('Library Print Point');
  await expect(card(page, 'Poster Printing Appointments')).toBeVisible();

  const late = page.waitForResponse((response) => isCroissant(new URL(response.url())));
  release();
  await late;
  await painted(page);
  await expect(card(page, 'Morning Coffee Cart')).toHaveCount(0);
  await expect(card(page, 'Poster Printing Appointments')).toBeVisible();
  await expect(box(page)).toHaveValue('Library Print Point');
});
