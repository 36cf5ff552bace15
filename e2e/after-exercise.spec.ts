import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, expectChecklist, test } from './fixtures';
import { advanceLearner } from './support/journey';

const run = promisify(execFile);

/** Runs a command shown on the page in bash, as a learner would in a terminal. */
async function runShown(page: Page, testId: string): Promise<string> {
  const command = (await page.getByTestId(testId).textContent()) ?? '';
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error`], { timeout: 15_000 });
  return stdout;
}

test('the redirect page leaves no code in the address bar once it has settled', async ({ learnerPage: page }) => {
  const journey = await advanceLearner(page, 'authorized');
  await page.goto(journey.loginUrl);
  await page.getByLabel('Username').fill('learner@example.com');
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expectChecklist(page, 'pass');
  await page.waitForLoadState('networkidle');
  // Settled; and it stays that way (a refresh after the check used to bring the code back).
  for (let i = 0; i < 10; i += 1) {
    expect(await page.evaluate(() => window.location.search + window.location.hash)).toBe('');
    await page.waitForTimeout(200);
  }
  await expect(page).toHaveURL(/\/redirect$/);
});

test('every page arrives whole: no part of it is streamed after the shell to pop in later', async ({ learnerPage: page }) => {
  await advanceLearner(page, 'refreshed');
  // A Suspense boundary whose content is late when the shell flushes comes as a placeholder
  // (<template id="B:…">) and React reveals it up to 300 ms after the first paint: the step
  // list used to pop in that way (docs/decisions/010).
  const paths = ['setup', 'enable', 'authorize', 'token', 'refresh', 'complete'].map((step) => `/exercise/refresh/${step}`);
  for (const path of ['/', '/exercise/refresh', ...paths, '/practice/console']) {
    const answer = await page.request.get(path);
    expect(answer.status(), path).toBe(200);
    const html = await answer.text();
    expect(html, path).not.toContain('<template id="B:');
    if (path.startsWith('/exercise/')) expect(html, path).toContain('aria-label="Exercise steps"');
  }
});

test('the extra credit leaves a completed exercise complete', async ({ learnerPage: page }) => {
  const journey = await advanceLearner(page, 'refreshed');
  await page.goto('/exercise/refresh/refresh');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  // The completion page asks for the old refresh token's refusal to be pasted.
  await page
    .getByLabel('Refresh Token Response')
    .fill('{"error":"invalid_grant","error_description":"The refresh token is invalid or expired."}');
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'fail');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  await expect(page.getByRole('link', { name: /Use the refresh token/ })).toContainText('(done)');
  await page.goto('/exercise/refresh/complete');
  await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();
  expect(journey.refreshResponse).toBeTruthy();
});

test('after completing: the practice API answers the access token, and a revoked refresh token stops working', async ({
  learnerPage: page,
}) => {
  const journey = await advanceLearner(page, 'refreshed');
  await page.goto('/exercise/refresh/complete');
  await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();

  // The API call, with the new access token, then with no token.
  const accessToken = (JSON.parse(journey.refreshResponse!) as { access_token: string }).access_token;
  await page.getByRole('textbox', { name: 'Access token' }).fill(accessToken);
  const ok = await runShown(page, 'api-curl-command');
  expect(ok).toMatch(/^HTTP\/1\.1 200/);
  expect(ok).toContain('"photos"');
  await page.getByRole('textbox', { name: 'Access token' }).fill('not-a-token');
  const refused = await runShown(page, 'api-curl-command');
  expect(refused).toMatch(/^HTTP\/1\.1 401/);
  expect(refused).toMatch(/www-authenticate: Bearer .*error="invalid_token"/i);

  // Revoke the refresh token, then the refresh is refused — the expected outcome, a success (issue 20, item 2).
  expect(await runShown(page, 'revoke-curl-command')).toBe('');
  const afterRevoke = await runShown(page, 'refresh-after-revoke-command');
  expect(JSON.parse(afterRevoke)).toMatchObject({ error: 'invalid_grant' });
  await page.getByLabel('Refresh response after the revoke').fill(afterRevoke);
  await page.getByRole('button', { name: 'Explain This Response' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByText('exactly what revocation is for')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  // Settled: no failure comes back.
  await page.waitForTimeout(500);
  await expect(page.getByText(/problems? to fix/)).toHaveCount(0);
});

test('the completion page in a new tab offers the fill-in controls its commands need (issue 20, item 4)', async ({
  learnerPage: page,
  browser,
}) => {
  await advanceLearner(page, 'refreshed');
  // A new browser with the same session: nothing of the exercise is kept in its tab.
  const other = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const fresh = await other.newPage();
    await fresh.goto('/exercise/refresh/complete');
    await expect(fresh.getByRole('heading', { name: 'Revoke the refresh token' })).toBeVisible();
    const revoke = fresh.getByTestId('revoke-curl-command');
    await expect(revoke).toContainText('YOUR_CLIENT_SECRET');
    await expect(revoke).toContainText('YOUR_REFRESH_TOKEN');
    await fresh.getByRole('button', { name: 'Fill in my practice secret' }).click();
    await expect(revoke).not.toContainText('YOUR_CLIENT_SECRET');
    await fresh.getByRole('textbox', { name: 'Refresh token' }).fill('a-refresh-token-typed-in');
    await expect(revoke).toContainText('a-refresh-token-typed-in');
    await expect(fresh.getByTestId('refresh-after-revoke-command')).toContainText('a-refresh-token-typed-in');
  } finally {
    await other.close();
  }
});

test('a resume link opens the progress in another browser', async ({ learnerPage: page, browser }) => {
  await advanceLearner(page, 'token');
  // Mid-exercise, from the API as a script would (the results page has the button).
  const { url } = (await (await page.request.post('/api/progress/resume-link')).json()) as { url: string };
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(url);
    await expect(second.getByText(/replaces the progress this browser has now/)).toBeVisible();
    await second.getByRole('button', { name: 'Continue here' }).click();
    await expect(second).toHaveURL(/\/exercise\/refresh$/);
    await expect(second.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '5');
    const mine = await (await page.request.get('/api/progress')).json();
    const theirs = await (await second.request.get('/api/progress')).json();
    expect(theirs).toEqual(mine);
  } finally {
    await other.close();
  }
});
