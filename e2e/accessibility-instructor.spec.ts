import type { Browser } from '@playwright/test';
import { E2E_INSTRUCTOR } from '../playwright.config';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, saveScreenshot, VIEWPORTS, type Scheme, type ViewportName } from './support/a11y';
import { advanceLearner } from './support/journey';

// Instructors run classes from laptops (1366 × 768 is the commonest) and projectors.
const SIZES: Record<ViewportName, { width: number; height: number }> = { ...VIEWPORTS, laptop: { width: 1366, height: 768 } };

const combos: [ViewportName, Scheme][] = [
  ['laptop', 'light'],
  ['laptop', 'dark'],
  ['phone', 'light'],
  ['phone', 'dark'],
];

/** A learner who went all the way, so the timeline shows decoded claims and times. */
async function completedLearnerJoins(browser: Browser, joinUrl: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(joinUrl);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Join Cohort' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
  await advanceLearner(page, 'refreshed');
  await context.close();
}

for (const [viewport, scheme] of combos) {
  test(`instructor pages and the join pages have no axe violations (${viewport}, ${scheme})`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ viewport: SIZES[viewport], colorScheme: scheme });
    const page = await context.newPage();
    const name = (state: string) => `instructor-${state}-${viewport}-${scheme}`;

    await page.goto('/instructor/login');
    await expectNoAxeViolations(page, 'instructor sign-in');
    await page.getByLabel('Email').fill(E2E_INSTRUCTOR.email);
    await page.getByLabel('Password').fill(E2E_INSTRUCTOR.password);
    await page.getByRole('button', { name: 'Sign In' }).click();
    await expect(page.getByRole('heading', { name: 'Your cohorts' })).toBeVisible();

    const cohortName = `A11y ${viewport} ${scheme} ${Date.now()}`;
    await page.getByLabel('Cohort name').fill(cohortName);
    await page.getByRole('button', { name: 'Create Cohort' }).click();
    await expect(page.getByRole('link', { name: cohortName })).toBeVisible();
    await expectNoAxeViolations(page, 'cohort list');
    await saveScreenshot(page, name('cohorts'));

    await page.getByRole('link', { name: cohortName }).click();
    await expect(page.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
    await expectNoAxeViolations(page, 'cohort dashboard, nobody yet (join code and QR code)');
    const joinUrl = (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();
    const shortCode = (await page.getByTestId('short-code').textContent())!.trim();

    // A learner types the short code, joins and makes mistakes; another completes.
    const learnerContext = await browser.newContext({ viewport: SIZES[viewport], colorScheme: scheme });
    const learner = await learnerContext.newPage();
    await learner.goto('/join?code=nope');
    await expect(learner.getByText('That is not a join code')).toBeVisible();
    await expectNoAxeViolations(learner, 'join code page, wrong code');
    await learner.getByLabel('Join code').fill(shortCode);
    await learner.getByRole('button', { name: 'Continue' }).click();
    await expect(learner.getByRole('heading', { level: 1, name: `Join ${cohortName}` })).toBeVisible();
    await expectNoAxeViolations(learner, 'join page');
    await learner.getByLabel('Display name').fill('Ada');
    await learner.getByRole('button', { name: 'Join Cohort' }).click();
    await expect(learner.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
    await expectNoAxeViolations(learner, 'join page, joined');
    await learner.evaluate(async () => {
      const post = (path: string, body: unknown) =>
        fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post('/api/exercise/setup', { mode: 'practice' });
      for (let i = 0; i < 3; i++) {
        await post('/api/exercise/authorize-url', {
          url: `${location.origin}/oauth2/default/v1/authorize?response_type=code&scope=api:read`,
        });
      }
    });
    await learnerContext.close();
    await completedLearnerJoins(browser, joinUrl, 'Grace');

    await page.reload();
    await expect(page.getByTestId('learner-row')).toHaveCount(2);
    await expect(page.getByTestId('learner-row').filter({ hasText: 'Ada' })).toHaveAttribute('data-stuck', 'true');
    await expectNoAxeViolations(page, 'cohort dashboard');
    await saveScreenshot(page, name('dashboard'));

    await page.getByRole('link', { name: 'Grace' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Grace' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(/exp\s*\d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d UTC/);
    await expectNoAxeViolations(page, 'learner detail, completed');
    await saveScreenshot(page, name('learner-completed'));

    await page.goBack();
    await page.getByRole('link', { name: 'Ada' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ada' })).toBeVisible();
    await expectNoAxeViolations(page, 'learner detail');
    await saveScreenshot(page, name('learner'));
    await context.close();
  });
}
