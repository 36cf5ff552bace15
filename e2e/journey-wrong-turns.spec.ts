import { expect, expectChecklist, runCurlFromPage, test } from './fixtures';
import { advanceLearner } from './support/journey';

test('a newcomer who skips "Enable refresh tokens" is told the grant is off, and recovers', async ({ learnerPage: page }) => {
  // Setup done, authorization URL checked — but the Refresh Token box never ticked.
  const journey = await advanceLearner(page, 'authorized');
  await page.request.patch('/api/practice/app', { data: { grantTypes: ['authorization_code'] } });
  await page.goto('/exercise/refresh/authorize');
  await expect(page.getByText(/does not allow the Refresh Token grant yet/)).toBeVisible();

  await page.goto(journey.loginUrl);
  await page.getByLabel('Username').fill('learner@example.com');
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: exchange the code' }).click();
  await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
  await page.getByLabel('Token Response').fill(await runCurlFromPage(page));
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'fail');
  const diagnosis = page.locator('[data-code="refresh_token.grant_not_enabled"]');
  await expect(diagnosis).toBeVisible();
  await expect(diagnosis).toContainText('tick Refresh Token');
  await expect(page.locator('[data-code="scope.offline_access_not_granted"]')).toHaveCount(0);

  // The fix: the console, from the enable step, and back.
  await page.goto('/exercise/refresh/enable');
  await page.getByRole('link', { name: 'My Web App in the practice console' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('checkbox', { name: 'Refresh Token' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Back to step 2: Enable refresh tokens' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refresh Token is enabled' })).toBeVisible();

  // A new login: this time the code exchange brings a refresh token.
  await page.goto(journey.loginUrl);
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: exchange the code' }).click();
  await page.getByLabel('Token Response').fill(await runCurlFromPage(page));
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '5');
});
