import { E2E_INSTRUCTOR } from '../playwright.config';
import { expect, test } from './fixtures';
import { expectNoAxeViolations, saveScreenshot, VIEWPORTS, type Scheme, type ViewportName } from './support/a11y';

const combos: [ViewportName, Scheme][] = [
  ['laptop', 'light'],
  ['laptop', 'dark'],
  ['phone', 'light'],
  ['phone', 'dark'],
];

for (const [viewport, scheme] of combos) {
  test(`instructor pages and the join page have no axe violations (${viewport}, ${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme: scheme });
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
    const joinUrl = (await page.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();

    // A learner joins and makes a mistake, so the dashboard has a row and a mistake.
    const learnerContext = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme: scheme });
    const learner = await learnerContext.newPage();
    await learner.goto(joinUrl);
    await expectNoAxeViolations(learner, 'join page');
    await learner.getByLabel('Display name').fill('Ada');
    await learner.getByRole('button', { name: 'Join Cohort' }).click();
    await expect(learner.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
    await expectNoAxeViolations(learner, 'join page, joined');
    await learner.evaluate(async () => {
      const post = (path: string, body: unknown) =>
        fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      await post('/api/exercise/setup', { mode: 'practice' });
      await post('/api/exercise/authorize-url', {
        url: `${location.origin}/oauth2/default/v1/authorize?response_type=code&scope=api:read`,
      });
    });
    await learnerContext.close();

    await page.reload();
    await expect(page.getByTestId('learner-row')).toHaveCount(1);
    await expectNoAxeViolations(page, 'cohort dashboard');
    await saveScreenshot(page, name('dashboard'));

    await page.getByRole('link', { name: 'Ada' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ada' })).toBeVisible();
    await expectNoAxeViolations(page, 'learner detail');
    await saveScreenshot(page, name('learner'));
    await context.close();
  });
}
