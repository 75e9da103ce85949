// Trust between students and vendors: a vendor's verification from upload to
// the badge, reports that hold a review until an admin keeps or removes it,
// and a vendor's reply that the student reads under their review.
import type { APIRequestContext } from '@playwright/test';
import type { Api } from './support/api';
import { expect, picturePath, signIn, test, type Account } from './support/fixtures';

const auth = (a: { access: string }) => ({ Authorization: `Bearer ${a.access}` });

/** The demo admin (seed_demo), for the decisions an admin takes in the admin's own tools. */
async function admin(api: Api) {
  return api.login('admin@demo.campus', 'demo-pass-123');
}

async function decide(request: APIRequestContext, api: Api, profileId: number, decision: 'verify' | 'reject', reason = '') {
  const res = await request.post(`/api/vendor-profiles/${profileId}/verification/decision/`, {
    headers: auth(await admin(api)),
    data: { decision, reason },
  });
  expect(res.status(), await res.text()).toBe(200);
}

async function review(request: APIRequestContext, student: Account, serviceId: number, comment: string): Promise<number> {
  const res = await request.post('/api/reviews/', { headers: auth(student), data: { service: serviceId, rating: 1, comment } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function report(request: APIRequestContext, reporter: Account, reviewId: number) {
  const res = await request.post(`/api/reviews/${reviewId}/report/`, { headers: auth(reporter), data: { reason: 'Looks fake: never ordered here.' } });
  expect(res.status(), await res.text()).toBe(201);
}

async function moderate(request: APIRequestContext, api: Api, reviewId: number, decision: 'keep' | 'remove') {
  const res = await request.post(`/api/reviews/${reviewId}/moderate/`, { headers: auth(await admin(api)), data: { decision, reason: 'Checked by the team.' } });
  expect(res.status(), await res.text()).toBe(200);
}

test('a vendor sends documents, is refused with a reason, sends again and gets the verified badge', async ({ page, check, api, request, shop }) => {
  const mine = await request.get('/api/vendor-profiles/mine/', { headers: auth(shop.vendor) });
  const profileId = ((await mine.json()) as { id: number }).id;
  await signIn(page, shop.vendor);
  await page.goto('/vendor/profile');
  await page.getByRole('link', { name: 'Get verified' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Not verified' })).toBeVisible();
  await check(page, 'verification-unverified');

  await page.getByLabel('Documents', { exact: true }).setInputFiles(picturePath);
  await page.getByLabel('Note for the team (optional)').fill('Our food hygiene permit.');
  await page.getByRole('button', { name: 'Send for verification' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Waiting for review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Document 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send for verification' })).toHaveCount(0);
  await check(page, 'verification-pending');

  await decide(request, api, profileId, 'reject', 'The permit photo is too blurry to read.');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Status: Not accepted' })).toBeVisible();
  await expect(page.getByText('The permit photo is too blurry to read.')).toBeVisible();
  await check(page, 'verification-rejected');
  await page.getByLabel('Documents', { exact: true }).setInputFiles(picturePath);
  await page.getByRole('button', { name: 'Send for verification' }).click();
  await expect(page.getByRole('heading', { name: 'Status: Waiting for review' })).toBeVisible();

  await decide(request, api, profileId, 'verify');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Status: Verified' })).toBeVisible();
  await check(page, 'verification-verified');

  // Students see the badge where the vendor's name is shown.
  await page.goto(`/services/${shop.serviceId}`);
  await expect(page.locator('.vendor-line .verified-vendor')).toHaveText(/Verified/);
  await check(page, 'service-verified-vendor');
  await page.goto(`/vendors/${shop.vendor.id}`);
  await expect(page.getByText('Verified vendor')).toBeVisible();
});

test('reports hold a review until an admin keeps it, and the next reports get it removed', async ({ page, check, api, request, shop, newPage }) => {
  const author = await api.register('student', 'Fay', 'Faker');
  const comment = `Terrible, avoid (${shop.serviceName})`;
  const reviewId = await review(request, author, shop.serviceId, comment);
  for (let i = 0; i < 2; i++) await report(request, await api.register('student'), reviewId);

  // The third report, from the page: the review is held.
  const reporter = await api.register('student', 'Rae', 'Reporter');
  await signIn(page, reporter);
  await page.goto(`/services/${shop.serviceId}`);
  const item = page.locator('li.review', { hasText: comment });
  await item.getByRole('button', { name: 'Report this review' }).click();
  await item.getByLabel('What is wrong with this review?').fill('The author never ordered here.');
  await check(page, 'review-report-form');
  await item.getByRole('button', { name: 'Send report' }).click();
  await expect(item.getByText('Thanks — the campus services team will look at this review.')).toBeVisible();
  await check(page, 'review-reported');

  const visitor = await newPage('visitor');
  await visitor.goto(`/services/${shop.serviceId}`);
  await expect(visitor.getByText('No reviews yet')).toBeVisible();

  await moderate(request, api, reviewId, 'keep');
  await visitor.reload();
  await expect(visitor.locator('li.review', { hasText: comment })).toBeVisible();

  for (let i = 0; i < 3; i++) await report(request, await api.register('student'), reviewId);
  await moderate(request, api, reviewId, 'remove');
  await visitor.reload();
  await expect(visitor.getByText('No reviews yet')).toBeVisible();

  // Its author still reads it, told that it was removed.
  const authorPage = await newPage('author');
  await signIn(authorPage, author);
  await authorPage.goto(`/services/${shop.serviceId}`);
  await expect(authorPage.getByText('The campus services team removed this review')).toBeVisible();
  await check(authorPage, 'review-removed-author');
});

test('a vendor replies to a review and the student reads the reply under it', async ({ page, check, request, shop, student, newPage }) => {
  const comment = 'The fries were cold when I picked them up.';
  await review(request, student, shop.serviceId, comment);

  await signIn(page, shop.vendor);
  await page.goto(`/services/${shop.serviceId}`);
  const item = page.locator('li.review', { hasText: comment });
  await item.getByRole('button', { name: 'Reply', exact: true }).click();
  await item.getByLabel('Your reply').fill('Sorry about that — next time ask for a fresh batch, on us.');
  await check(page, 'review-reply-form');
  await item.getByRole('button', { name: 'Post reply' }).click();
  await expect(item.getByText('Reply posted. The student is notified.')).toBeVisible();
  await expect(item.getByText('Sorry about that — next time ask for a fresh batch, on us.')).toBeVisible();
  await check(page, 'review-replied-vendor');

  const studentPage = await newPage('student');
  await signIn(studentPage, student);
  await studentPage.goto(`/services/${shop.serviceId}`);
  const seen = studentPage.locator('li.review', { hasText: comment });
  await expect(seen.getByText(`Reply from ${shop.businessName}`)).toBeVisible();
  await expect(seen.getByText('Sorry about that — next time ask for a fresh batch, on us.')).toBeVisible();
  await check(studentPage, 'review-reply-student');
  // A vendor cannot report reviews of their own service, and the author cannot report their own.
  await expect(seen.getByRole('button', { name: 'Report this review' })).toHaveCount(0);
});

test('a vendor hidden by an admin sees their own profile and is told what to do', async ({ page, check, api, request, vendor }) => {
  const mine = await request.get('/api/vendor-profiles/mine/', { headers: auth(vendor.account) });
  const profileId = ((await mine.json()) as { id: number }).id;
  const hidden = await request.patch(`/api/vendor-profiles/${profileId}/`, { headers: auth(await admin(api)), data: { is_active: false } });
  expect(hidden.status(), await hidden.text()).toBe(200);

  await signIn(page, vendor.account);
  await page.goto('/vendor/profile');
  await expect(page.getByText('Your business is hidden from students')).toBeVisible();
  await expect(page.getByText('contact the campus services team')).toBeVisible();
  await expect(page.getByLabel('Business name')).toHaveValue(vendor.businessName);
  await expect(page.getByText('You have no business profile yet')).toHaveCount(0);
  await check(page, 'vendor-hidden');
});
