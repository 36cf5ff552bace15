import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { advanceLearner } from './support/journey';

/** The learner's recorded attempts at the redirect step. */
async function redirectAttempts(page: Page): Promise<number> {
  const progress = (await (await page.request.get('/api/progress')).json()) as { steps: { redirect: { attempts: number } } };
  return progress.steps.redirect.attempts;
}

test('a link to /redirect from elsewhere records nothing until the learner chooses to check it', async ({ learnerPage: page }) => {
  await advanceLearner(page, 'authorized');
  // What a page on another site could link a learner to.
  await page.goto('/redirect?error=access_denied&error_description=Denied+by+someone+else&state=not-yours');
  await expect(page.getByText('error=access_denied')).toBeVisible();
  const choose = page.getByRole('button', { name: 'Check This Redirect' });
  await expect(choose).toBeVisible();
  await expect(page).toHaveURL(/\/redirect$/);
  // Settled: the page is idle, and no attempt was ever recorded.
  await page.waitForLoadState('networkidle');
  expect(await redirectAttempts(page)).toBe(0);
  await expect(page.getByRole('heading', { name: /problems? to fix/ })).toHaveCount(0);

  // The learner may still check it on purpose.
  await choose.click();
  await expect(page.getByRole('heading', { name: /problems? to fix/ })).toBeVisible();
  expect(await redirectAttempts(page)).toBe(1);
});

test('a redirect carrying the state of the URL this browser checked is checked on its own', async ({ learnerPage: page }) => {
  const journey = await advanceLearner(page, 'authorized');
  await page.goto(journey.loginUrl);
  await page.getByLabel('Username').fill('learner@example.com');
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page.getByRole('heading', { name: /All checks passed/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check This Redirect' })).toHaveCount(0);
  expect(await redirectAttempts(page)).toBe(1);
});

test('a step page never loses its title while a check refreshes it', async ({ learnerPage: page }) => {
  await advanceLearner(page, 'redirected');
  await page.goto('/exercise/refresh/token');
  // A slow phone widens any window in which the title could be missing.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  // Record every moment the document has no title, from now on: on each DOM change and
  // on every tick in between.
  await page.evaluate(() => {
    const w = window as unknown as { untitled: number };
    w.untitled = 0;
    const watch = () => {
      if (!document.title.trim()) w.untitled += 1;
    };
    new MutationObserver(watch).observe(document, { subtree: true, childList: true, characterData: true });
    setInterval(watch, 1);
  });
  for (let i = 0; i < 5; i += 1) {
    await page.getByLabel('Token Response').fill(`{"access_token": "abc${i}"`);
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expect(page.getByRole('heading', { name: /problems? to fix/ })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(await page.evaluate(() => (window as unknown as { untitled: number }).untitled)).toBe(0);
  await expect(page).toHaveTitle('Exchange the code · OAuth Lab');
});
