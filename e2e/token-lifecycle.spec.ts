/**
 * The token lifecycle as a learner meets it (issue 20, items 1, 3 and 6): the token command
 * run twice, then the first, good-looking response pasted; the completion page's extras in
 * an order that keeps each demonstration true; a done step revisited, and a new tab.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, expectChecklist, test } from './fixtures';
import { advanceLearner } from './support/journey';

const run = promisify(execFile);

test('a response whose refresh token was revoked by running the code twice is refused at the exchange step', async ({
  learnerPage: page,
}) => {
  await advanceLearner(page, 'redirected');
  await page.goto('/exercise/refresh/token');
  await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
  await expect(page.getByTestId('curl-command')).not.toContainText('YOUR_CLIENT_SECRET');
  const command = (await page.getByTestId('curl-command').textContent()) ?? '';
  const once = (await run('bash', ['-c', `${command} --silent --show-error`], { timeout: 15_000 })).stdout;
  const twice = (await run('bash', ['-c', `${command} --silent --show-error`], { timeout: 15_000 })).stdout;
  expect(JSON.parse(twice)).toMatchObject({ error: 'invalid_grant' });

  const box = page.getByLabel('Token Response');
  await box.fill(twice);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'fail');
  await expect(page.locator('[data-code="response.error"]')).toContainText('already exchanged');

  // The first answer looks good, but its refresh token died with the second run.
  await box.fill(once);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'fail');
  const revoked = page.locator('[data-code="refresh_token.revoked"]');
  await expect(revoked).toContainText(/was revoked at \d\d:\d\d:\d\d UTC, when the code was sent a second time/);
  await expect(revoked).toContainText('Log in again');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('link', { name: /Exchange the code/ })).not.toContainText('(done)');
});

test('the completion page puts the revoke demonstration before the rotation extra, which starts from a fresh login', async ({
  learnerPage: page,
}) => {
  await advanceLearner(page, 'refreshed');
  await page.goto('/exercise/refresh/complete');
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  const revoke = headings.indexOf('Revoke the refresh token');
  const rotation = headings.indexOf('Extra credit: refresh token rotation');
  expect(revoke).toBeGreaterThanOrEqual(0);
  expect(rotation).toBeGreaterThan(revoke);
  await expect(page.getByText(/if you revoked yours above, log in again first/)).toBeVisible();
  await expect(page.getByText(/change one character in the middle of the token/)).toBeVisible();
  // The two tokens' facts once each, and what tells their bars apart (issue 20's small things).
  await expect(page.getByText('First access token (authorization code)', { exact: true })).toHaveCount(1);
  await expect(page.getByText(/The new token was issued \d+ seconds? after the first/)).toBeVisible();
});

test('a done step revisited says what became of the code, and a new tab says what it does not have', async ({
  learnerPage: page,
  browser,
}) => {
  await advanceLearner(page, 'token');
  await page.goto('/redirect');
  await expect(page.getByText('Done: your code was captured and exchanged for tokens.')).toBeVisible();
  await expect(page.getByText(/An authorization code works once/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Build the authorization URL' }).last()).toHaveAttribute(
    'href',
    '/exercise/refresh/authorize',
  );

  const other = await browser.newContext({ storageState: { cookies: (await page.context().storageState()).cookies, origins: [] } });
  try {
    const fresh = await other.newPage();
    await fresh.goto('/exercise/refresh/token');
    await expect(fresh.getByText(/This tab does not have your authorization code and code verifier/)).toBeVisible();
    await expect(fresh.getByText(/kept in this tab only/)).toBeVisible();
    await expect(fresh.getByText(/if you exchanged yours already, Log In again for a new one/)).toBeVisible();
  } finally {
    await other.close();
  }
});
