/**
 * The instructor's view (issue 11): the dashboard table at laptop and phone width, the
 * common-mistakes chart, the short join code and its QR code, the status line that screen
 * readers are not told about every 5 s, and the learner timeline. Learners act over HTTP
 * (each with its own cookie jar); the instructor looks in Chromium.
 */
import { request, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { E2E_BASE_URL, E2E_INSTRUCTOR } from '../playwright.config';
import { expect, test } from './fixtures';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const NO_OFFLINE_ACCESS = `${E2E_BASE_URL}/oauth2/default/v1/authorize?response_type=code&scope=api:read`;

const consoleErrors = new Map<Page, string[]>();
test.afterEach(() => {
  for (const [page, errors] of consoleErrors) expect(errors, `console errors on ${page.url()}`).toEqual([]);
  consoleErrors.clear();
});

interface CreatedCohort {
  id: string;
  name: string;
  code: string;
  joinUrl: string;
  shortCode?: string;
}

/** Signs the context in as the instructor (the cookie lands in the context) and creates a cohort. */
async function instructorWithCohort(context: BrowserContext, label: string): Promise<CreatedCohort> {
  const signIn = await context.request.post('/api/instructor/session', { data: E2E_INSTRUCTOR });
  expect(signIn.status()).toBe(200);
  const created = await context.request.post('/api/instructor/cohorts', { data: { name: `${label} ${Date.now()}` } });
  expect(created.status()).toBe(201);
  return (await created.json()) as CreatedCohort;
}

/** A learner with their own cookie jar, enrolled in the cohort and past the setup step. */
async function learnerIn(cohort: CreatedCohort, displayName: string): Promise<APIRequestContext> {
  const learner = await request.newContext({ baseURL: E2E_BASE_URL });
  expect((await learner.post('/api/cohorts/join', { data: { code: cohort.code, displayName } })).status()).toBe(200);
  expect((await learner.post('/api/exercise/setup', { data: { mode: 'practice' } })).status()).toBe(200);
  return learner;
}

async function failAuthorizeUrl(learner: APIRequestContext, times: number) {
  for (let i = 0; i < times; i++) {
    const report = await learner.post('/api/exercise/authorize-url', { data: { url: NO_OFFLINE_ACCESS } });
    expect(((await report.json()) as { status: string }).status).toBe('fail');
  }
}

/**
 * Opens the cohort page; browser console errors from then on (a hydration mismatch of the
 * clock, a CSP refusal) fail the test at its end.
 */
async function openDashboard(page: Page, cohort: CreatedCohort) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  consoleErrors.set(page, errors);
  await page.goto(`/instructor/cohorts/${cohort.id}`);
  await expect(page.getByRole('heading', { level: 1, name: cohort.name })).toBeVisible();
}

test('the dashboard fits 1366 px with every column visible, and scrolls inside its card on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Fit');
  const learner = await learnerIn(cohort, 'Margaret Hamilton-Lovelace');
  await failAuthorizeUrl(learner, 1);
  const page = await context.newPage();
  await openDashboard(page, cohort);

  const table = page.getByRole('table', { name: /Learners of this cohort/ });
  const region = page.getByRole('region', { name: 'Learners table' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const regionBox = (await region.boundingBox())!;
  const headers = table.getByRole('columnheader');
  expect(await headers.count()).toBeGreaterThanOrEqual(10);
  for (const header of await headers.all()) {
    const box = (await header.boundingBox())!;
    const text = (await header.textContent())!.trim();
    expect(box.x, `${text}: left edge`).toBeGreaterThanOrEqual(regionBox.x - 1);
    expect(box.x + box.width, `${text}: right edge inside the card`).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
    expect(box.x + box.width, `${text}: right edge on screen`).toBeLessThanOrEqual(LAPTOP.width);
  }
  await expect(table.getByRole('columnheader', { name: 'Completed' })).toBeInViewport({ ratio: 1 });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);

  // On a phone the table scrolls inside its card (a focusable, labelled region), not the page.
  await page.setViewportSize(PHONE);
  await expect.poll(() => region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

  await learner.dispose();
  await context.close();
});

test('common mistakes share one scale across steps and count learners as well as attempts', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Mistakes');
  const ada = await learnerIn(cohort, 'Ada');
  const bo = await learnerIn(cohort, 'Bo');
  await failAuthorizeUrl(ada, 3);
  await failAuthorizeUrl(bo, 1);
  // One failed token check: a third as many attempts as the commonest mistake.
  const token = await ada.post('/api/exercise/token-response', { data: { response: 'not a token response' } });
  expect(((await token.json()) as { status: string }).status).toBe('fail');

  const page = await context.newPage();
  await openDashboard(page, cohort);
  const offline = page.locator('[data-step="authorize-url"] [data-code="scope.offline_access_missing"]');
  // The plain-language meaning is the label; the code is the detail.
  await expect(offline).toContainText('offline_access was not requested');
  await expect(offline).toContainText('2 learners');
  await expect(offline).toContainText('4 attempts');
  await expect(offline.getByTestId('mistake-bar-attempts')).toHaveAttribute('style', /width:\s*100%/);
  await expect(offline.getByTestId('mistake-bar-learners')).toHaveAttribute('style', /width:\s*50%/);
  const tokenItem = page.locator('[data-step="token-response"] li[data-code]').first();
  await expect(tokenItem).toContainText('1 learner');
  await expect(tokenItem).toContainText('1 attempt');
  // Same scale as the authorization URL's bars: 1 attempt of 4 is a quarter, not a full bar.
  await expect(tokenItem.getByTestId('mistake-bar-attempts')).toHaveAttribute('style', /width:\s*25%/);

  await ada.dispose();
  await bo.dispose();
  await context.close();
});

test('a short join code and a QR code of the join link; both links enrol a learner', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Join');
  expect(cohort.shortCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
  const shown = `${cohort.shortCode!.slice(0, 4)}-${cohort.shortCode!.slice(4)}`;
  const page = await context.newPage();
  await openDashboard(page, cohort);

  await expect(page.getByTestId('short-code')).toHaveText(shown);
  await expect(page.locator('code').filter({ hasText: cohort.joinUrl })).toBeVisible();
  const qr = page.getByRole('img', { name: `QR code of the join link ${cohort.joinUrl}` });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  const qrBox = (await qr.boundingBox())!;
  expect(qrBox.width).toBeGreaterThanOrEqual(160);

  // A learner types the short code in lower case without its hyphen, at /join.
  const learnerContext = await browser.newContext({ viewport: PHONE });
  const learner = await learnerContext.newPage();
  await learner.goto('/join');
  await learner.getByLabel('Join code').fill(cohort.shortCode!.toLowerCase());
  await learner.getByRole('button', { name: 'Continue' }).click();
  await expect(learner.getByRole('heading', { level: 1, name: `Join ${cohort.name}` })).toBeVisible();
  await learner.getByLabel('Display name').fill('Grace');
  await learner.getByRole('button', { name: 'Join Cohort' }).click();
  await expect(learner.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
  // The short link as shown, and the long one, both still lead to the same cohort.
  await learner.goto(`/join/${shown}`);
  await expect(learner.getByRole('heading', { level: 1, name: `Join ${cohort.name}` })).toBeVisible();
  await learner.goto(new URL(cohort.joinUrl).pathname);
  await expect(learner.getByRole('heading', { level: 1, name: `Join ${cohort.name}` })).toBeVisible();
  await learnerContext.close();

  await page.reload();
  await expect(page.getByTestId('learner-row').filter({ hasText: 'Grace' })).toHaveCount(1);
  await context.close();
});

test('the status line is not re-announced every 5 s; a learner newly stuck is', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Status');
  const learner = await learnerIn(cohort, 'Hedy');
  const page = await context.newPage();
  await openDashboard(page, cohort);

  const statusLine = page.getByText(/Updated \d/);
  await expect(statusLine).toBeVisible();
  const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"], [role="timer"], [role="marquee"]';
  expect(await statusLine.evaluate((el, selector) => el.closest(selector) === null, live)).toBe(true);
  const first = await statusLine.textContent();
  await expect.poll(() => statusLine.textContent(), { timeout: 20_000 }).not.toBe(first);

  await failAuthorizeUrl(learner, 3);
  const announcement = page.getByTestId('dashboard-announcement');
  await expect(announcement).toHaveAttribute('role', 'status');
  await expect(announcement).toContainText('Hedy may be stuck on Build the authorization URL', { timeout: 20_000 });
  await learner.dispose();
  await context.close();
});

test('the learner timeline names steps, shows readable times, joined-at and total time', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Timeline');
  const learner = await learnerIn(cohort, 'Radia');
  await failAuthorizeUrl(learner, 1);
  const page = await context.newPage();
  await openDashboard(page, cohort);
  await page.getByRole('link', { name: 'Radia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Radia' })).toBeVisible();

  const attempts = page
    .getByRole('list', { name: 'Attempts, oldest first' })
    .getByRole('listitem')
    .filter({ has: page.locator('time') });
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText('Choose your server');
  await expect(attempts.nth(1)).toContainText('Build the authorization URL');
  await expect(attempts.nth(1)).toContainText('offline_access was not requested');
  await expect(page.getByRole('main')).not.toContainText('authorize-url');
  await expect(page.getByText('Joined', { exact: true })).toBeVisible();
  await expect(page.getByText('Total time', { exact: true })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Not completed yet');
  await learner.dispose();
  await context.close();
});
