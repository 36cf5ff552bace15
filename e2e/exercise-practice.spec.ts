import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { enableRefreshTokenInConsole, expect, signInOnPracticeServer, test } from './fixtures';

const run = promisify(execFile);

/** Runs the page's curl command in bash, as the learner would in a terminal. */
async function runCurlFromPage(page: Page): Promise<string> {
  // The page fills in values kept in this browser (secret, code, verifier, refresh token).
  await expect(page.getByTestId('curl-command')).not.toContainText('YOUR_');
  const command = (await page.getByTestId('curl-command').textContent()) ?? '';
  expect(command).toContain('curl');
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error`], { timeout: 15_000 });
  return stdout;
}

async function expectChecklist(page: Page, outcome: 'pass' | 'fail') {
  const heading = outcome === 'pass' ? /All checks passed/ : /problems? to fix/;
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

test('a newcomer completes the Refresh Tokens exercise on the practice server', async ({ learnerPage: page }) => {
  await page.goto('/exercise/refresh');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  await page.getByRole('link', { name: 'Start the exercise' }).click();

  // 1. Setup: the practice server in one click.
  await page.getByRole('button', { name: 'Use the practice server' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  await page.getByRole('link', { name: 'Next: enable refresh tokens' }).click();

  // 2. Enable the Refresh Token grant in the console; the step page notices.
  await expect(page.getByRole('status').filter({ hasText: 'not enabled yet' })).toBeVisible();
  await enableRefreshTokenInConsole(page);
  await page.goto('/exercise/refresh/enable');
  await expect(page.getByRole('status').filter({ hasText: 'Refresh Token is enabled' })).toBeVisible();
  await page.getByRole('link', { name: 'Next: build the authorization URL' }).click();

  // 3. Authorization URL: PKCE and state helpers, the template, a first mistake, then a pass.
  await page.getByRole('button', { name: 'Generate Random String' }).click();
  await page.getByRole('button', { name: 'Calculate Hash' }).click();
  await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Generate State' }).click();
  const template = (await page.getByLabel('URL template', { exact: true }).textContent()) ?? '';
  expect(template).toContain('{YOUR_SCOPE}');

  const withoutOfflineAccess = template.replace('offline_access+{YOUR_SCOPE}', 'api:read');
  await page.getByLabel('Authorization URL').fill(withoutOfflineAccess);
  await page.getByRole('button', { name: 'Check Your URL' }).click();
  await expectChecklist(page, 'fail');
  await expect(page.locator('[data-code="scope.offline_access_missing"]')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log In' })).toHaveCount(0);

  await page.getByLabel('Authorization URL').fill(template.replace('{YOUR_SCOPE}', 'api:read'));
  await page.getByRole('button', { name: 'Check Your URL' }).click();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Log In' }).click();

  // 4. Sign in on the practice server; back on the redirect page with code and state.
  await signInOnPracticeServer(page);
  await expect(page).toHaveURL(/\/redirect$/); // the code was removed from the address bar
  await expect(page.getByTestId('captured-code')).not.toBeEmpty();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: exchange the code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange the code for tokens' })).toBeVisible();

  // 5. Exchange the code with curl, paste the response.
  await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
  await expect(page.getByTestId('curl-command')).not.toContainText('YOUR_CLIENT_SECRET');
  const tokenResponse = await runCurlFromPage(page);
  expect(JSON.parse(tokenResponse)).toHaveProperty('refresh_token');
  await page.getByLabel('Token Response').fill(tokenResponse);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('table').first()).toBeVisible();
  await page.getByRole('link', { name: 'Next: use the refresh token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Use the refresh token' })).toBeVisible();

  // 6. Use the refresh token.
  const refreshResponse = await runCurlFromPage(page);
  expect(JSON.parse(refreshResponse)).toHaveProperty('access_token');
  await page.getByLabel('Refresh Token Response').fill(refreshResponse);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  await page.getByRole('link', { name: 'See your results' }).click();

  await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();
  await expect(page.getByText('New access token (refresh token)').first()).toBeVisible();

  // Progress survives a reload and is what the API reports.
  await page.reload();
  await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();
  const progress = await page.evaluate(async () => (await fetch('/api/progress')).json());
  expect(progress.completedAt).not.toBeNull();
  expect(Object.values(progress.steps).map((s) => (s as { status: string }).status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
});
