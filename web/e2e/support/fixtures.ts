// The fixtures every browser test uses: pages that fail the test on any console
// or page error (Content-Security-Policy violations included), an accessibility
// and screenshot check for every page visited, and fresh accounts made through
// the API for each test.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { Api, uniqueTag, type Account, type Shop } from './api';
import { picturePath, screenshotsDir } from './paths';

export { expect, picturePath, uniqueTag };
export type { Account, Shop };

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Watch {
  label: string;
  errors: string[];
  allowed: RegExp[];
}

const watches = new WeakMap<Page, Watch>();

/** Records the page's console errors and uncaught exceptions. */
function watch(page: Page, label: string): Page {
  const w: Watch = { label, errors: [], allowed: [] };
  watches.set(page, w);
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (w.allowed.some((re) => re.test(text))) return;
    // "My profile" answers 404 to a vendor who has none yet: an answer, not an error.
    if (/status of 404/.test(text) && msg.location().url.endsWith('/api/vendor-profiles/mine/')) return;
    w.errors.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => w.errors.push(`page error: ${err.message}`));
  page.on('dialog', (d) => void d.accept());
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * Lets console errors matching `patterns` pass (the browser logs every 4xx
 * response an expected refusal produces) until the returned function is called.
 */
export function allowConsole(page: Page, ...patterns: RegExp[]): () => void {
  const w = watches.get(page);
  if (!w) throw new Error('allowConsole: the page is not watched');
  w.allowed.push(...patterns);
  return () => {
    w.allowed = w.allowed.filter((re) => !patterns.includes(re));
  };
}

/** Fails if the page logged an error since the last call. */
export function expectNoConsoleErrors(page: Page) {
  const w = watches.get(page);
  if (!w) return;
  const errors = w.errors.splice(0);
  expect(errors, `browser console errors (${w.label})`).toEqual([]);
}

async function settled(page: Page) {
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('.loading')).toHaveCount(0);
  // What a user looks at is the state after a transition: a button's
  // background fading in (0.15 s) is no contrast failure. Endless animations
  // (the live dot) are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Signs `account` in: its session is in localStorage, the way the app stores it
 * after a login, before the page's first script runs. Only once per tab, so the
 * tokens the app rotates later are never put back.
 */
export async function signIn(page: Page, account: Account) {
  await page.addInitScript(
    ({ origin, access, refresh, user }) => {
      if (location.origin !== origin || sessionStorage.getItem('e2e-signed-in')) return;
      sessionStorage.setItem('e2e-signed-in', '1');
      localStorage.setItem('accessToken', access);
      localStorage.setItem('refreshToken', refresh);
      localStorage.setItem('user', JSON.stringify(user));
    },
    { origin: new URL(test.info().project.use.baseURL ?? '').origin, access: account.access, refresh: account.refresh, user: account.user },
  );
}

/** Follows a main-navigation link, opening the phone menu first when it is collapsed. */
export async function nav(page: Page, linkName: string) {
  const toggle = page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
}

/** Logs in through the login page (checked like every other page). */
export async function logIn(page: Page, check: Check, account: Account, shot = 'login') {
  await page.goto('/login');
  await check(page, shot);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Adds one `item` on a service page: "Add" the first time, the stepper's "One more" once it shows. */
export async function addToCart(page: Page, item: string) {
  const add = page.getByRole('button', { name: `Add ${item} to cart` });
  const more = page.getByRole('button', { name: `One more ${item}` });
  await expect(add.or(more)).toBeVisible();
  await (await add.isVisible() ? add : more).click();
}

/** Goes to the cart from a service page (a button or a link, as long as it says "View cart"). */
export async function openCart(page: Page) {
  await page.getByRole('button', { name: 'View cart' }).or(page.getByRole('link', { name: 'View cart' })).first().click();
}

export function orderCard(page: Page, id: number): Locator {
  return page.locator('li.order-card').filter({ has: page.getByRole('link', { name: new RegExp(`^Order #${id} ·`) }) });
}

export type Check = (page: Page, name: string) => Promise<void>;

interface Fixtures {
  /** The test's own page, watched for console errors. */
  page: Page;
  /** Another browser session (own localStorage) with the project's settings, watched too. */
  newPage: (label: string) => Promise<Page>;
  /** axe-core (serious or critical fails), a full-page screenshot, no console errors. */
  check: Check;
  api: Api;
  /** A fresh student, registered and logged in through the API (not yet in a browser). */
  student: Account;
  /** A fresh vendor with a business profile (no services). */
  vendor: { account: Account; businessName: string };
  /** A fresh vendor with a profile and a grill service with four items. */
  shop: Shop;
}

export const test = base.extend<Fixtures>({
  page: async ({ page }, use) => {
    watch(page, 'page');
    await use(page);
    expectNoConsoleErrors(page);
  },

  newPage: async ({ browser }, use) => {
    const pages: Page[] = [];
    await use(async (label) => {
      // browser.newContext() takes the project's `use` options (viewport, baseURL…) and is traced.
      const context = await browser.newContext();
      const page = watch(await context.newPage(), label);
      pages.push(page);
      return page;
    });
    for (const page of pages) {
      await page.context().close();
      expectNoConsoleErrors(page);
    }
  },

  check: async ({}, use, testInfo) => {
    mkdirSync(screenshotsDir, { recursive: true });
    const project = testInfo.project.name;
    await use(async (page, name) => {
      await settled(page);
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${screenshotsDir}${project}-${name}.png`, fullPage: true });
      const bad = violations.filter((v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        bad.map((v: AxeViolation) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`),
        `accessibility violations on ${name} (${project})`,
      ).toEqual([]);
      const minor = violations.filter((v: AxeViolation) => !bad.includes(v));
      if (minor.length) {
        testInfo.annotations.push({ type: 'axe (minor)', description: `${name}: ${minor.map((v: AxeViolation) => `${v.impact} ${v.id}`).join(', ')}` });
      }
      const width = page.viewportSize()?.width ?? 0;
      if (width < 600) {
        // On a phone (375 px) nothing may push the page sideways. The screen
        // width is the project's, not innerWidth: a phone browser widens its
        // window (it zooms out) to fit a wider page, so innerWidth grows with it.
        const laidOut = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth));
        expect(laidOut - width, `${name} is ${laidOut} px wide, wider than the ${width} px screen`).toBeLessThanOrEqual(0);
      }
      expectNoConsoleErrors(page);
    });
  },

  api: async ({ request }, use) => {
    await use(new Api(request));
  },

  student: async ({ api }, use) => {
    await use(await api.register('student', 'Sam', 'Student'));
  },

  vendor: async ({ api }, use) => {
    const account = await api.register('vendor', 'Victor', 'Vendor');
    const businessName = `Kitchen ${uniqueTag()}`;
    await api.createProfile(account, businessName);
    await use({ account, businessName });
  },

  shop: async ({ api }, use) => {
    await use(await api.shop());
  },
});
