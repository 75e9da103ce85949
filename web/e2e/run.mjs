// End-to-end tests: the built SPA served by the real Django backend on a fresh
// database, driven through Debian's Chromium with playwright-core.
// Usage: npm run e2e   (builds web/dist first if it is stale; E2E_SKIP_BUILD=1 never builds)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makePng } from './png.mjs';
import { startBackend } from './server.mjs';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = path.resolve(webDir, '..');
const shotsDir = path.join(repoDir, 'var', 'screenshots');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const DEMO_PASSWORD = 'demo-pass-123';
const started = Date.now();

const log = (msg) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);

const VIEWPORTS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
];

const results = [];

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  } catch (err) {
    results.push({ name, ok: false, err });
    log(`FAIL ${name}\n    ${String(err?.stack || err).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** A browser context (own localStorage) with console-error and accessibility checks. */
async function newSession(browser, baseUrl, vp, label) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: vp.viewport,
    isMobile: vp.isMobile ?? false,
    hasTouch: vp.hasTouch ?? false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const s = { context, page, vp, label, errors: [], allowed: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (s.allowed.some((re) => re.test(text))) return;
    s.errors.push(`console: ${text}`);
  });
  page.on('pageerror', (err) => s.errors.push(`page error: ${err.message}`));
  page.on('dialog', (d) => void d.accept());
  return s;
}

/** Throws if the browser logged any error since the last call. */
function assertNoConsoleErrors(s) {
  const errs = s.errors.splice(0);
  assert(errs.length === 0, `browser console errors (${s.label}):\n  ${errs.join('\n  ')}`);
}

async function settled(page) {
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 15_000 });
}

/** axe-core on the current page (serious/critical fail), then a full-page screenshot. */
async function check(s, name) {
  const { page } = s;
  await settled(page);
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shotsDir, `${s.vp.name}-${name}.png`), fullPage: true });
  assert(bad.length === 0, `accessibility violations on ${name} (${s.vp.name}):\n  ${bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n  ')}`);
  const minor = violations.filter((v) => !bad.includes(v));
  if (minor.length) log(`  axe (minor) on ${name}: ${minor.map((v) => `${v.impact} ${v.id}`).join(', ')}`);
  assertNoConsoleErrors(s);
}

/** Follows a main-navigation link, opening the phone menu first when it is collapsed. */
async function nav(s, linkName) {
  const toggle = s.page.getByRole('button', { name: 'Menu' });
  if (await toggle.isVisible()) await toggle.click();
  await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
}

async function login(s, email, password) {
  await s.page.goto('/login');
  await check(s, 'login');
  await s.page.getByLabel('Email').fill(email);
  await s.page.getByLabel('Password').fill(password);
  await s.page.getByRole('button', { name: 'Log in' }).click();
  await s.page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

function orderCard(page, id) {
  return page.locator('li.order-card').filter({ has: page.getByRole('link', { name: new RegExp(`^Order #${id} ·`) }) });
}

async function runViewport(browser, baseUrl, vp) {
  const tag = `${vp.name}`;
  const student = await newSession(browser, baseUrl, vp, `${tag} student`);
  const vendor = await newSession(browser, baseUrl, vp, `${tag} vendor`);
  const state = {};
  const stamp = `${Date.now().toString(36)}${vp.name}`;

  await test(`${tag}: a student registers, searches, orders two items and sees the order`, async () => {
    const { page } = student;
    await page.goto('/register');
    await check(student, 'register');
    await page.getByLabel('First name').fill('Erin');
    await page.getByLabel('Last name').fill('Tester');
    await page.getByLabel('Email').fill(`erin.${stamp}@e2e.campus`);
    // The server's password rules come back as a field error beside the field.
    await page.getByLabel('Password').fill('123');
    student.allowed.push(/status of 400/);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('.field-invalid', { has: page.getByLabel('Password') }).locator('.field-error').first().waitFor();
    assert((await page.getByLabel('Password').getAttribute('aria-invalid')) === 'true', 'password should be marked invalid');
    await check(student, 'register-errors');
    student.allowed.pop();
    await page.getByLabel('Password').fill('Sturdy-pass-2024!');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: 'Services on campus' }).waitFor();
    await check(student, 'catalogue');

    await page.getByLabel('Search').fill('Grill');
    await page.getByText('1 service', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Union Kitchen Grill' }).click();
    await page.getByRole('heading', { level: 1, name: 'Union Kitchen Grill' }).waitFor();
    await page.getByText('Union Kitchen', { exact: true }).waitFor(); // vendor business name
    await page.getByRole('button', { name: 'Add Classic Burger to cart' }).click();
    await page.getByRole('button', { name: 'Add Fries to cart' }).click();
    await page.getByRole('button', { name: 'Add Fries to cart' }).click();
    await check(student, 'service');
    await page.getByRole('button', { name: 'View cart' }).click();
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    assert((await page.getByLabel('Quantity of Fries').inputValue()) === '2', 'Fries quantity should be 2');
    await page.getByText('$12.00', { exact: true }).waitFor();
    await check(student, 'cart');

    // A double click must still place exactly one order (one Idempotency-Key).
    const orderPosts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/orders/') orderPosts.push(r.headers()['idempotency-key']);
    });
    await page.getByRole('button', { name: 'Place order' }).dblclick();
    await page.waitForURL(/\/orders\/\d+/);
    state.orderId = Number(new URL(page.url()).pathname.split('/')[2]);
    assert(orderPosts.length >= 1 && new Set(orderPosts).size === 1 && orderPosts[0], `one Idempotency-Key expected, got ${JSON.stringify(orderPosts)}`);
    await page.getByRole('heading', { name: `Order #${state.orderId}` }).waitFor();
    await page.locator('.badge', { hasText: 'Pending' }).first().waitFor();
    await page.getByText('$12.00', { exact: true }).waitFor();
    await check(student, 'order-placed');

    await nav(student, 'My orders');
    await orderCard(page, state.orderId).waitFor();
    assert((await page.locator('li.order-card').count()) === 1, 'exactly one order expected after a double click');
    await check(student, 'my-orders');
  });

  await test(`${tag}: the vendor moves the order from pending to completed`, async () => {
    assert(state.orderId, 'needs the order from the previous flow');
    const { page } = vendor;
    await login(vendor, 'vendor@demo.campus', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/vendor');
    await page.getByText('Revenue (completed)').waitFor();
    await check(vendor, 'vendor-dashboard');
    await nav(vendor, 'Order queue');
    const card = orderCard(page, state.orderId);
    await card.waitFor();
    await check(vendor, 'vendor-queue');

    const steps = [
      { from: 'Pending', buttons: ['Confirm', 'Decline'], press: 'Confirm', to: 'Confirmed' },
      { from: 'Confirmed', buttons: ['Start preparing', 'Cancel order'], press: 'Start preparing', to: 'Preparing' },
      { from: 'Preparing', buttons: ['Mark ready'], press: 'Mark ready', to: 'Ready' },
      { from: 'Ready', buttons: ['Send out for delivery', 'Mark completed'], press: 'Mark completed', to: null },
    ];
    for (const step of steps) {
      await card.locator('.badge', { hasText: step.from }).waitFor();
      const names = (await card.getByRole('button').allInnerTexts()).map((t) => t.replace(/\s+order #\d+$/, '').trim());
      assert(
        JSON.stringify(names) === JSON.stringify(step.buttons),
        `from ${step.from} expected buttons ${JSON.stringify(step.buttons)}, got ${JSON.stringify(names)}`,
      );
      await card.getByRole('button', { name: new RegExp(`^${step.press}`) }).click();
      if (step.to) await card.locator('.badge', { hasText: step.to }).waitFor();
    }
    // Completed orders leave the "needs action" queue.
    await card.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Completed' }).click();
    await orderCard(page, state.orderId).waitFor();
    await page.goto(`/orders/${state.orderId}`);
    await page.locator('.timeline li').nth(3).waitFor();
    await check(vendor, 'vendor-order-detail');
    await page.goto('/vendor');
    await check(vendor, 'vendor-dashboard-after');
  });

  await test(`${tag}: the student sees the new status and writes a verified-purchase review`, async () => {
    assert(state.orderId, 'needs the order from the first flow');
    const { page } = student;
    // Still on "My orders": polling brings the new status without a reload.
    await orderCard(page, state.orderId).locator('.badge', { hasText: 'Completed' }).waitFor({ timeout: 15_000 });
    await orderCard(page, state.orderId).getByRole('link').click();
    await page.getByRole('heading', { name: 'Status history' }).waitFor();
    await page.locator('.badge', { hasText: 'Completed' }).first().waitFor();
    await page.locator('.timeline li').nth(3).waitFor();
    const history = await page.locator('.timeline li').allInnerTexts();
    assert(history.length >= 4, `expected at least 4 status changes, got ${history.length}`);
    assert(history.some((h) => h.includes('Completed')), 'history should include Completed');
    await check(student, 'order-completed');

    await page.getByRole('link', { name: 'Review this service' }).click();
    await page.getByRole('heading', { name: 'Write a review' }).waitFor();
    await page.getByLabel('Rating').selectOption('4');
    await page.getByLabel('Comment (optional)').fill(`Hot and quick (${vp.name}).`);
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByText('Thanks — you have reviewed this service.').waitFor();
    const review = page.locator('li.review', { hasText: `Hot and quick (${vp.name}).` });
    await review.waitFor();
    await review.getByText('Verified purchase').waitFor();
    await check(student, 'service-reviewed');
  });

  await test(`${tag}: a student cancels an order while it is pending`, async () => {
    const { page } = student;
    await page.goto('/?search=Coffee');
    await page.getByRole('link', { name: 'Morning Coffee Cart' }).click();
    await page.getByRole('button', { name: 'Add Flat White to cart' }).click();
    await page.getByRole('button', { name: 'View cart' }).click();
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/\d+/);
    await page.getByRole('button', { name: /^Cancel order/ }).click();
    await page.locator('.badge', { hasText: 'Cancelled' }).first().waitFor();
    assert((await page.getByRole('button', { name: /^Cancel order/ }).count()) === 0, 'no actions remain on a cancelled order');
    await page.locator('.timeline li', { hasText: 'Pending → Cancelled' }).waitFor();
    await check(student, 'order-cancelled');
  });

  await test(`${tag}: a vendor creates a service with an image that shows in the catalogue`, async () => {
    const { page } = vendor;
    const signedIn = await page.evaluate(() => !!localStorage.getItem('refreshToken')).catch(() => false);
    if (!signedIn) await login(vendor, 'vendor@demo.campus', DEMO_PASSWORD);
    await nav(vendor, 'Business profile');
    await page.getByLabel('Business name').waitFor();
    assert((await page.getByLabel('Business name').inputValue()) === 'Union Kitchen', 'the demo vendor profile should load');
    await page.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: makePng(120, 120, [22, 101, 52], [255, 255, 255]) });
    await page.getByRole('img', { name: 'Preview of the chosen image' }).waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Profile saved.').waitFor();
    const logo = await page.getByRole('img', { name: 'Current logo' }).getAttribute('src');
    assert(/\/media\/vendor_logos\//.test(logo ?? ''), `the saved logo should be served from /media/vendor_logos/, got ${logo}`);
    await check(vendor, 'vendor-profile');
    await nav(vendor, 'My services');
    await page.getByRole('heading', { name: 'My services' }).waitFor();
    await check(vendor, 'vendor-services');
    await page.getByRole('link', { name: 'Add a service' }).first().click();
    await page.getByRole('heading', { name: 'New service' }).waitFor();
    const name = `Smoothie Bar ${stamp}`;
    await page.getByLabel('Service name').fill(name);
    await page.getByLabel('Description').fill('Fresh fruit smoothies blended to order.');
    await page.getByLabel('Category').selectOption('food');
    await page.getByLabel('How students use it').selectOption('ordering');
    await page.getByLabel('Starting price (optional)').fill('3.00');
    await page.getByLabel('Location (optional)').fill('Sports Centre');
    await page.getByLabel('Image', { exact: true }).setInputFiles({ name: 'smoothie.png', mimeType: 'image/png', buffer: makePng() });
    await page.getByRole('img', { name: 'Preview of the chosen image' }).waitFor();
    await check(vendor, 'vendor-service-new');
    await page.getByRole('button', { name: 'Create service' }).click();
    await page.waitForURL(/\/vendor\/services\/\d+/);
    await page.getByText('Service created.', { exact: false }).waitFor();
    await page.getByLabel('Item name').fill('Mango Smoothie');
    await page.getByLabel('Price', { exact: true }).fill('3.50');
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByRole('heading', { name: 'Mango Smoothie' }).waitFor();
    await check(vendor, 'vendor-service-edit');

    const sp = student.page;
    await sp.goto(`/?search=${encodeURIComponent(name)}`);
    const card = sp.locator('.service-card', { hasText: name });
    await card.waitFor();
    const img = card.locator('img');
    await img.waitFor();
    const { src, loaded } = await img.evaluate(async (el) => {
      if (!el.complete) await new Promise((r) => el.addEventListener('load', r, { once: true }));
      return { src: el.currentSrc || el.src, loaded: el.naturalWidth > 0 };
    });
    assert(/\/media\//.test(src), `catalogue image should come from /media/, got ${src}`);
    assert(loaded, `catalogue image did not load: ${src}`);
    await check(student, 'catalogue-new-service');
  });

  await test(`${tag}: a new vendor registers and creates their business profile`, async () => {
    const s = await newSession(browser, baseUrl, vp, `${tag} new vendor`);
    const { page } = s;
    await page.goto('/register');
    await page.getByText('Sell as a vendor').click();
    await page.getByLabel('Email').fill(`vera.${stamp}@e2e.campus`);
    await page.getByLabel('Password').fill('Sturdy-pass-2024!');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => u.pathname === '/vendor/profile');
    await page.getByText('You have no business profile yet.', { exact: false }).waitFor();
    await check(s, 'vendor-profile-new');
    await page.getByLabel('Business name').fill(`Vera's Laundry ${stamp}`);
    await page.getByLabel('Business hours').fill('Daily 07:00-22:00');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await nav(s, 'Dashboard');
    await page.getByRole('heading', { level: 1, name: `Vera's Laundry ${stamp}` }).waitFor();
    await check(s, 'vendor-dashboard-new');
    await s.context.close();
  });

  await test(`${tag}: an expired access token is refreshed without the user noticing`, async () => {
    const { page } = student;
    // Parallel requests (the user check and the orders list) all get 401 and share one refresh.
    student.allowed.push(/status of 401/);
    const refreshCalls = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/token/refresh/') refreshCalls.push(r.url());
    });
    const expired =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIiwiZXhwIjoxNjAwMDAwMDAwLCJ1c2VyX2lkIjoxfQ.c2lnbmF0dXJl';
    const before = await page.evaluate((t) => {
      const r = localStorage.getItem('refreshToken');
      localStorage.setItem('accessToken', t);
      return r;
    }, expired);
    await page.goto('/orders');
    await orderCard(page, state.orderId).waitFor();
    assert(new URL(page.url()).pathname === '/orders', `stayed signed in, but ended at ${page.url()}`);
    const after = await page.evaluate(() => ({ access: localStorage.getItem('accessToken'), refresh: localStorage.getItem('refreshToken') }));
    assert(after.access && after.access !== expired, 'a new access token should be stored');
    assert(after.refresh && after.refresh !== before, 'the rotated refresh token should be stored');
    assert(refreshCalls.length === 1, `expected one refresh call, saw ${refreshCalls.length}`);

    // Again without a reload: the next in-app navigation refreshes silently too.
    await page.evaluate((t) => localStorage.setItem('accessToken', t), expired);
    await nav(student, 'Browse');
    await page.getByRole('heading', { name: 'Services on campus' }).waitFor();
    await orderCard(page, state.orderId).waitFor({ state: 'detached' });
    await nav(student, 'My orders');
    await orderCard(page, state.orderId).waitFor();
    assert(refreshCalls.length === 2, `expected a second refresh, saw ${refreshCalls.length}`);
    await check(student, 'my-orders-after-refresh');
    student.allowed.pop();

    // Logging out revokes the refresh token and clears the session.
    const toggle = page.getByRole('button', { name: 'Menu' });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    const cleared = await page.evaluate(() => [localStorage.getItem('accessToken'), localStorage.getItem('refreshToken'), localStorage.getItem('user')]);
    assert(cleared.every((v) => v === null), 'logout should clear the stored session');
    await page.goto('/orders');
    await page.waitForURL(/\/login\?next=%2Forders/);
    await check(student, 'login-redirect');
  });

  await test(`${tag}: unknown pages and missing records explain themselves`, async () => {
    const { page } = student;
    student.allowed.push(/status of 404/);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await check(student, 'not-found');
    await page.goto('/services/999999');
    await page.getByRole('alert').getByText('Not found', { exact: true }).waitFor();
    await check(student, 'service-missing');
    student.allowed.pop();
  });

  await test(`${tag}: repeated wrong passwords are throttled with a time to wait`, async () => {
    const s = await newSession(browser, baseUrl, vp, `${tag} visitor`);
    s.allowed.push(/status of 401/, /status of 429/);
    const { page } = s;
    await page.goto('/login');
    await page.getByLabel('Email').fill('student2@demo.campus');
    await page.getByLabel('Password').fill('not-the-password');
    const alert = page.getByRole('alert');
    for (let i = 0; i < 20; i++) {
      await page.getByRole('button', { name: 'Log in' }).click();
      await alert.waitFor();
      if (/Too many/.test(await alert.innerText())) break;
      await page.getByRole('button', { name: 'Log in' }).and(page.locator(':enabled')).waitFor();
    }
    const text = await alert.innerText();
    assert(/Too many attempts\. Please try again in \d+ (second|minute)s?\./.test(text), `expected a throttling message with a wait, got: ${text}`);
    assert(await page.getByRole('button', { name: 'Log in' }).isDisabled(), 'the form waits out the throttle');
    await check(s, 'login-throttled');
    await s.context.close();
  });

  await student.context.close();
  await vendor.context.close();
}

/** True when web/dist is missing or older than any source it is built from. */
function distIsStale() {
  const built = path.join(webDir, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (p) => {
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(st.mtimeMs, ...readdirSync(p).map((n) => newest(path.join(p, n))));
  };
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'].map((p) => path.join(webDir, p));
  return sources.some((p) => existsSync(p) && newest(p) > builtAt);
}

async function main() {
  mkdirSync(shotsDir, { recursive: true });
  if (!process.env.E2E_SKIP_BUILD && distIsStale()) {
    log('building the SPA…');
    const b = spawnSync('npm', ['run', 'build'], { cwd: webDir, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`build failed:\n${b.stdout}\n${b.stderr}`);
  }
  const backend = await startBackend({ repoDir, log });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    await test('the SPA is served at / and for client routes; unknown API paths stay JSON', async () => {
      for (const p of ['/', '/orders/123', '/vendor/services/new']) {
        const res = await fetch(backend.baseUrl + p);
        const body = await res.text();
        assert(res.status === 200 && body.includes('<div id="root">'), `${p} should serve index.html, got ${res.status}`);
      }
      const res = await fetch(`${backend.baseUrl}/api/does-not-exist/`);
      assert(res.status === 404, `/api/does-not-exist/ should be 404, got ${res.status}`);
    });
    for (const vp of VIEWPORTS) await runViewport(browser, backend.baseUrl, vp);
  } finally {
    await browser?.close();
    await backend.stop();
  }
}

try {
  await main();
} catch (err) {
  results.push({ name: 'setup', ok: false, err });
  log(`FAIL setup: ${err?.stack || err}`);
}
const failed = results.filter((r) => !r.ok);
console.log(`\nscreenshots: ${shotsDir}`);
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
