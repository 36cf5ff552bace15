import { decodeJwt } from 'jose';
import type { Page } from '@playwright/test';
import { expect, expectChecklist, runCurlFromPage, test } from './fixtures';
import { startOwnOAuthServer, type OwnOAuthServer } from './support/own-oauth-server';

let server: OwnOAuthServer;

test.beforeAll(async ({ baseURL }) => {
  server = await startOwnOAuthServer({ redirectUri: `${baseURL}/redirect` });
});

test.afterAll(async () => {
  await server?.close();
});

async function setUpOwnServer(page: Page, issuer: string) {
  await page.getByLabel('Issuer URL').fill(issuer);
  await page.getByLabel('Client ID').fill(server.clientId);
  // The default redirect URI is the site's own /redirect page, as registered on the server.
  await expect(page.getByLabel('Redirect URI')).toHaveValue(/\/redirect$/);
  await page.getByRole('button', { name: 'Use my server' }).click();
}

test('a learner completes the Refresh Tokens exercise with their own authorization server', async ({ learnerPage: page }) => {
  await page.goto('/exercise/refresh/setup');

  // A trailing slash the server's metadata does not have: a clear diagnosis, no progress.
  await setUpOwnServer(page, `${server.issuer}/`);
  await expectChecklist(page, 'fail');
  await expect(page.locator('[data-code="issuer.mismatch"]')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');

  // 1. Setup with the exact issuer: discovery and the JWKS pass.
  await setUpOwnServer(page, server.issuer);
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

  // 2. Enabling refresh tokens happens on the learner's own server (done at registration).
  await page.getByRole('link', { name: 'Next: enable refresh tokens' }).click();
  await page.goto('/exercise/refresh/authorize');

  // 3. Authorization URL from the helpers and the template, with the standard optional
  // prompt=consent that a plain OpenID Connect server needs before it grants offline_access.
  await page.getByRole('button', { name: 'Generate Random String' }).click();
  await page.getByRole('button', { name: 'Calculate Hash' }).click();
  await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Generate State' }).click();
  const template = (await page.getByLabel('URL template', { exact: true }).textContent()) ?? '';
  expect(template).toContain(`${server.issuer}/auth?`);
  expect(template).toContain(`client_id=${server.clientId}`);
  const url = `${template.replace('{YOUR_SCOPE}', 'openid')}&\n  prompt=consent`;
  await page.getByLabel('Authorization URL').fill(url);
  await page.getByRole('button', { name: 'Check Your URL' }).click();
  await expectChecklist(page, 'pass');
  const logIn = page.getByRole('link', { name: 'Log In' });
  await expect(logIn).toHaveAttribute('href', new RegExp(`^${server.issuer}/auth\\?`));
  await logIn.click();

  // 4. Sign in on that server; back on the site's redirect page with code and state.
  await expect(page.getByRole('heading', { name: 'Test Identity Provider' })).toBeVisible();
  await page.getByLabel('Username').fill(server.username);
  await page.getByLabel('Password').fill(server.password);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page).toHaveURL(/\/redirect$/);
  await expect(page.getByTestId('captured-code')).not.toBeEmpty();
  await expectChecklist(page, 'pass');
  await page.getByRole('link', { name: 'Next: exchange the code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exchange the code for tokens' })).toBeVisible();

  // 5. The learner types their client secret (it stays in the tab) and runs curl.
  await expect(page.getByRole('button', { name: 'Fill in my practice secret' })).toHaveCount(0);
  await expect(page.getByTestId('curl-command')).toContainText('YOUR_CLIENT_SECRET');
  await page.getByLabel('Client secret').fill(server.clientSecret);
  const tokenResponse = await runCurlFromPage(page);
  const tokens = JSON.parse(tokenResponse) as { access_token: string; refresh_token?: string };
  expect(tokens.refresh_token).toBeTruthy();
  const firstToken = decodeJwt(tokens.access_token);
  expect(firstToken).toMatchObject({ iss: server.issuer, aud: server.resource, client_id: server.clientId });
  await page.getByLabel('Token Response').fill(tokenResponse);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass'); // the signature was verified against this server's JWKS
  await page.getByRole('link', { name: 'Next: use the refresh token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Use the refresh token' })).toBeVisible();

  // 6. The refresh grant. JWT `iat` has one-second resolution: the new token must be later.
  await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(firstToken.iat ?? 0);
  const refreshResponse = await runCurlFromPage(page);
  expect(JSON.parse(refreshResponse)).toHaveProperty('access_token');
  await page.getByLabel('Refresh Token Response').fill(refreshResponse);
  await page.getByRole('button', { name: 'Check Your Response' }).click();
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  await page.getByRole('link', { name: 'See your results' }).click();
  await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();

  const progress = await page.evaluate(async () => (await fetch('/api/progress')).json());
  expect(progress.provider).toMatchObject({ mode: 'custom', issuer: server.issuer, clientId: server.clientId });
  expect(JSON.stringify(progress)).not.toContain(server.clientSecret);
});
