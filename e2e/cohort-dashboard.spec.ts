import type { Browser, Page } from '@playwright/test';
import { E2E_INSTRUCTOR } from '../playwright.config';
import { expect, test } from './fixtures';

async function newLearner(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  return page;
}

async function checkUrl(page: Page, url: string) {
  await page.getByLabel('Authorization URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Check Your URL' }).click();
}

test('an instructor follows two learners live, with their attempts and common mistakes', async ({ browser }) => {
  // The instructor signs in and creates a cohort in the UI.
  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await instructor.goto('/instructor');
  await expect(instructor).toHaveURL(/\/instructor\/login$/);
  await instructor.getByLabel('Email').fill(E2E_INSTRUCTOR.email);
  await instructor.getByLabel('Password').fill('wrong-password');
  await instructor.getByRole('button', { name: 'Sign In' }).click();
  await expect(instructor.getByRole('alert').filter({ hasText: 'Wrong email or password' })).toBeVisible();
  await instructor.getByLabel('Password').fill(E2E_INSTRUCTOR.password);
  await instructor.getByRole('button', { name: 'Sign In' }).click();
  await expect(instructor.getByRole('heading', { name: 'Your cohorts' })).toBeVisible();
  const cohortName = `Cohort ${Date.now()}`;
  // An empty name is said on the field, which gets the focus (issue 20: it did nothing and said nothing).
  await instructor.getByLabel('Cohort name').fill('   ');
  await instructor.getByRole('button', { name: 'Create Cohort' }).click();
  await expect(instructor.getByText('Give the cohort a name.')).toBeVisible();
  await expect(instructor.getByLabel('Cohort name')).toBeFocused();
  await expect(instructor.getByLabel('Cohort name')).toHaveAttribute('aria-invalid', 'true');
  await instructor.getByLabel('Cohort name').fill(cohortName);
  // A cohort for two: a third learner is told it is full (issue 18: a cohort admits its own learners).
  await expect(instructor.getByLabel('Learners it admits')).toHaveValue('500');
  await instructor.getByLabel('Learners it admits').fill('2');
  await instructor.getByRole('button', { name: 'Create Cohort' }).click();
  await expect(instructor.getByRole('listitem').filter({ hasText: cohortName })).toContainText('0 learners (admits 2)');
  await instructor.getByRole('link', { name: cohortName }).click();
  await expect(instructor.getByRole('heading', { level: 1, name: cohortName })).toBeVisible();
  const joinUrl = (await instructor.locator('code').filter({ hasText: '/join/' }).textContent())!.trim();

  // Two learners join in their own browsers; one has a name that looks like markup.
  const ada = await newLearner(browser);
  const bo = await newLearner(browser);
  for (const [page, name] of [
    [ada, 'Ada'],
    [bo, '<b>Bo</b>'],
  ] as const) {
    await page.goto(joinUrl);
    await page.getByLabel('Display name').fill(name);
    await page.getByRole('button', { name: 'Join Cohort' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'You joined' })).toBeVisible();
    await page.goto('/exercise/refresh/setup');
    await page.getByRole('button', { name: 'Use the practice server' }).click();
    await expect(page.getByRole('heading', { name: /All checks passed/ })).toBeVisible();
    await page.goto('/exercise/refresh/authorize');
  }

  const third = await newLearner(browser);
  await third.goto(joinUrl);
  await third.getByLabel('Display name').fill('Cy');
  await third.getByRole('button', { name: 'Join Cohort' }).click();
  await expect(third.getByText('This cohort is full: it admits 2 learners')).toBeVisible();
  await third.context().close();

  // Ada forgets offline_access twice, then gets it right.
  await ada.getByRole('button', { name: 'Generate Random String' }).click();
  await ada.getByRole('button', { name: 'Calculate Hash' }).click();
  await ada.getByRole('button', { name: 'Generate State' }).click();
  const template = (await ada.getByLabel('URL template', { exact: true }).textContent()) ?? '';
  for (let i = 0; i < 2; i++) {
    await checkUrl(ada, template.replace('offline_access+{YOUR_SCOPE}', 'api:read'));
    await expect(ada.locator('[data-code="scope.offline_access_missing"]')).toBeVisible();
  }
  await checkUrl(ada, template.replace('{YOUR_SCOPE}', 'api:read'));
  await expect(ada.getByRole('heading', { name: /All checks passed/ })).toBeVisible();

  // The open dashboard updates by itself.
  const rows = instructor.getByTestId('learner-row');
  await expect(rows).toHaveCount(2, { timeout: 15_000 });
  const adaRow = rows.filter({ hasText: 'Ada' });
  await expect(adaRow.getByRole('cell').first()).toHaveText('Capture the authorization code', { timeout: 15_000 }); // current step
  // Setup passed at the first try; the authorization URL on the third.
  await expect(adaRow.getByRole('cell').nth(1)).toHaveText(/pass\s*\(1\)/);
  await expect(adaRow.getByRole('cell').nth(3)).toHaveText(/pass\s*\(3\)/); // nth(2) is Enable refresh tokens (issue 20)
  // Bo's markup-like name is shown as text, not rendered as HTML.
  await expect(rows.filter({ hasText: '<b>Bo</b>' })).toHaveCount(1);
  const mistake = instructor.locator('[data-code="scope.offline_access_missing"]');
  await expect(mistake).toContainText('2');
  await expect(mistake).toContainText('offline_access was not requested');

  await instructorContext.close();
  await ada.context().close();
  await bo.context().close();
});
