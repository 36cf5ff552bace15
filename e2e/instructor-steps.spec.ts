/**
 * The instructor's view of the six steps (issue 20): Enable refresh tokens, which has no
 * check, shown done or skipped in the table, the mistakes chart, the timeline and the CSV; one
 * typo counted once; the dashboard in the site's content column, and on a phone a table that
 * says it scrolls. Learners act in their own browser contexts; the instructor looks in Chromium.
 */
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from '@playwright/test';
import { E2E_INSTRUCTOR } from '../playwright.config';
import { enableRefreshTokenInConsole, expect, expectChecklist, runCurlFromPage, signInOnPracticeServer, test } from './fixtures';
import { advanceLearner } from './support/journey';

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** The dashboard polls every 5 s; three polls and then some, for a busy machine. */
const LIVE_UPDATE = { timeout: 20_000 };

interface CreatedCohort {
  id: string;
  name: string;
  code: string;
}

async function instructorWithCohort(context: BrowserContext, label: string): Promise<CreatedCohort> {
  expect((await context.request.post('/api/instructor/session', { data: E2E_INSTRUCTOR })).status()).toBe(200);
  const created = await context.request.post('/api/instructor/cohorts', { data: { name: `${label} ${Date.now()}` } });
  expect(created.status()).toBe(201);
  return (await created.json()) as CreatedCohort;
}

/** A page whose console errors (a hydration mismatch, a CSP refusal) are kept for the test's end. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}

async function openDashboard(page: Page, cohort: CreatedCohort) {
  await page.goto(`/instructor/cohorts/${cohort.id}`);
  await expect(page.getByRole('heading', { level: 1, name: cohort.name })).toBeVisible();
}

test('a learner who skipped Enable and failed the exchange is seen to have skipped it, then to have done it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Skipped');
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await learner.goto('/');
  expect((await learner.request.post('/api/cohorts/join', { data: { code: cohort.code, displayName: 'Skipper' } })).status()).toBe(200);

  // Set up and the authorization URL checked (one typo on the way), but Refresh Token never
  // ticked: the journey helper ticks it, so it is unticked again, as in journey-wrong-turns.
  const journey = await advanceLearner(learner, 'authorized');
  expect((await learner.request.patch('/api/practice/app', { data: { grantTypes: ['authorization_code'] } })).status()).toBe(200);
  const typo = await learner.request.post('/api/exercise/authorize-url', {
    data: { url: journey.loginUrl.replace('redirect_uri=', 'redirect_url=') },
  });
  expect(((await typo.json()) as { status: string }).status).toBe('fail');
  // Log in, then exchange the code with the page's curl command: no refresh token comes back.
  await learner.goto(journey.loginUrl);
  await signInOnPracticeServer(learner);
  await expectChecklist(learner, 'pass');
  await learner.getByRole('link', { name: 'Next: exchange the code' }).click();
  await learner.getByRole('button', { name: 'Fill in my practice secret' }).click();
  await learner.getByLabel('Token Response').fill(await runCurlFromPage(learner));
  await learner.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(learner, 'fail');
  await expect(learner.locator('[data-code="refresh_token.grant_not_enabled"]')).toBeVisible();

  const page = await context.newPage();
  const errors = watchConsole(page);
  await openDashboard(page, cohort);

  // The table: six step columns in journey order, Enable second; the learner's Enable is skipped.
  const table = page.getByRole('table', { name: /Learners of this cohort/ });
  const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.replace(/[▲▼↕]/g, '').trim());
  expect(headers).toEqual([
    'Name',
    'Current step',
    'Choose your server',
    'Enable refresh tokens',
    'Build the authorization URL',
    'Capture the authorization code',
    'Exchange the code',
    'Use the refresh token',
    'Attempts',
    'Last activity',
    'Completed',
  ]);
  const row = page.getByTestId('learner-row').filter({ hasText: 'Skipper' });
  await expect(row.getByRole('cell').first()).toHaveText('Exchange the code');
  await expect(row.locator('[data-column="enable"]')).toHaveText('skipped');
  await expect(row.locator('[data-column="token"]')).toHaveText(/fail\s*\(1\)/);

  // The chart: Enable's card counts the learner who went on without it; the typo is one bar.
  await expect(page.locator('[data-step="enable"]')).toContainText('1 learner');
  const authorizeMistakes = page.locator('[data-step="authorize-url"] li[data-code]');
  await expect(authorizeMistakes).toHaveCount(1);
  await expect(authorizeMistakes).toHaveAttribute('data-code', 'param.unknown');
  await expect(authorizeMistakes).toContainText('1 attempt');
  await expect(page.locator('[data-step="token-response"] [data-code="refresh_token.grant_not_enabled"]')).toContainText('1 learner');

  // The CSV, in the page's words.
  const csv = await context.request.get(`/api/instructor/cohorts/${cohort.id}/learners?format=csv`);
  const [header, skipper] = parse(await csv.text()) as string[][];
  const column = (name: string) => skipper![header!.indexOf(name)];
  expect(column('Current step')).toBe('Exchange the code');
  expect(column('Enable refresh tokens: status')).toBe('skipped');
  expect(column('Exchange the code: status')).toBe('fail');
  expect(column('Stuck')).toBe('no');

  // The timeline lists the six steps, Enable skipped.
  await page.getByRole('link', { name: 'Skipper' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Skipper' })).toBeVisible();
  const steps = page.getByRole('region', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(6);
  await expect(steps.nth(1)).toContainText('Enable refresh tokens');
  await expect(steps.nth(1)).toContainText('skipped');
  await expect(steps.nth(4)).toContainText(/Exchange the code\s*fail/);

  // The learner goes back and ticks Refresh Token in the console: the open dashboard follows.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: cohort.name })).toBeVisible();
  await enableRefreshTokenInConsole(learner);
  await expect(row.locator('[data-column="enable"]')).toHaveText('done', LIVE_UPDATE);
  await expect(page.locator('[data-step="enable"]').getByText('No one has gone past it without doing it.')).toBeVisible();

  expect(errors, 'console errors on the instructor pages').toEqual([]);
  await learnerContext.close();
  await context.close();
});

test('the dashboard starts where every page does; on a phone the table says it scrolls', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LAPTOP });
  const cohort = await instructorWithCohort(context, 'Layout');
  const learner = await browser.newContext();
  const learnerPage = await learner.newPage();
  await learnerPage.goto('/');
  expect(
    (
      await learnerPage.request.post('/api/cohorts/join', { data: { code: cohort.code, displayName: 'Grace Brewster Murray Hopper' } })
    ).status(),
  ).toBe(200);
  await advanceLearner(learnerPage, 'authorized');
  await learner.close();

  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto('/instructor');
  const cohortsHeading = (await page.getByRole('heading', { level: 1, name: 'Your cohorts' }).boundingBox())!;
  await openDashboard(page, cohort);
  const heading = (await page.getByRole('heading', { level: 1, name: cohort.name }).boundingBox())!;
  expect(Math.abs(heading.x - cohortsHeading.x), 'the dashboard starts at the content column').toBeLessThanOrEqual(1);

  // At 1366 px every column fits the content column: no hint, no fade, nothing hidden.
  const region = page.getByRole('region', { name: 'Learners table' });
  const hint = page.getByText('Scroll sideways for more columns');
  const fade = page.getByTestId('scroll-fade');
  await expect(page.getByTestId('learner-row')).toHaveCount(1);
  const regionBox = (await region.boundingBox())!;
  expect(Math.abs(regionBox.x - cohortsHeading.x)).toBeLessThanOrEqual(1);
  await expect.poll(() => region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  await expect(region.getByRole('columnheader', { name: 'Completed' })).toBeInViewport({ ratio: 1 });
  await expect(hint).toBeHidden();
  await expect(fade).toBeHidden();
  await expect(region).not.toHaveAttribute('aria-describedby');

  // On a phone: a visible hint that is the region's description, and a fading right edge
  // until the last column is reached.
  await page.setViewportSize(PHONE);
  await expect(hint).toBeVisible();
  await expect(region).toHaveAccessibleDescription('Scroll sideways for more columns');
  await expect(fade).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(fade).toBeHidden();
  await expect(hint).toBeVisible();
  await region.evaluate((el) => el.scrollTo({ left: 0 }));
  await expect(fade).toBeVisible();

  expect(errors, 'console errors on the instructor pages').toEqual([]);
  await context.close();
});
