import { createHash, randomBytes } from 'node:crypto';
import { enableRefreshTokenInConsole, expect, signInOnPracticeServer, test } from './fixtures';

const EXAMPLE_REDIRECT = 'https://example-app.com/redirect';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

test('ticking Refresh Token in the console yields a refresh token through a real sign-in', async ({ learnerPage: page, baseURL }) => {
  // The seed's example redirect URI: answer it locally and keep the URL it was called with.
  let redirectedTo: URL | null = null;
  await page.route('https://example-app.com/**', async (route) => {
    redirectedTo = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Example app</title><p>Example app</p>' });
  });

  await page.goto('/practice/console');
  await expect(page.getByRole('heading', { name: 'My Web App' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Refresh Token' })).not.toBeChecked();
  const clientId = (await page.getByTestId('client-id').textContent())!.trim();
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  const clientSecret = (await page.getByTestId('client-secret').textContent())!.trim();

  await enableRefreshTokenInConsole(page);

  const { verifier, challenge } = pkce();
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(`${baseURL}/oauth2/default/v1/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    scope: 'offline_access api:read',
    client_id: clientId,
    state,
    redirect_uri: EXAMPLE_REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  await page.goto(authorize.href);
  await signInOnPracticeServer(page);
  await expect(page.getByText('Example app')).toBeVisible();

  expect(redirectedTo).not.toBeNull();
  const redirect = redirectedTo as unknown as URL;
  expect(redirect.searchParams.get('state')).toBe(state);
  const code = redirect.searchParams.get('code');
  expect(code).toBeTruthy();

  const tokenResponse = await fetch(`${baseURL}/oauth2/default/v1/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: EXAMPLE_REDIRECT, code_verifier: verifier }),
  });
  const tokens = await tokenResponse.json();
  expect(tokenResponse.status).toBe(200);
  expect(tokens.refresh_token).toEqual(expect.any(String));
  expect(tokens.access_token).toEqual(expect.any(String));

  const refreshed = await fetch(`${baseURL}/oauth2/default/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  expect(refreshed.status).toBe(200);
  expect((await refreshed.json()).access_token).not.toBe(tokens.access_token);
});

test('"Require PKCE as additional verification" in the console: off by default, ticked it refuses a request without PKCE', async ({
  learnerPage: page,
  baseURL,
}) => {
  await page.goto('/practice/console');
  const requirePkce = page.getByRole('checkbox', { name: 'Require PKCE as additional verification' });
  await expect(requirePkce).not.toBeChecked();
  await expect(requirePkce).toBeDisabled();
  const clientId = (await page.getByTestId('client-id').textContent())!.trim();
  const authorize = new URL(`${baseURL}/oauth2/default/v1/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    scope: 'api:read',
    client_id: clientId,
    state: 'no-pkce-state',
    redirect_uri: EXAMPLE_REDIRECT,
  }).toString();
  // The authorization response itself (a 302), read without following it.
  const answer = async () => {
    const response = await page.request.get(authorize.href, { maxRedirects: 0 });
    expect(response.status()).toBe(302);
    return new URL(response.headers().location!, baseURL);
  };
  expect((await answer()).pathname).toMatch(/^\/oauth2\/default\/interaction\//);

  await page.getByRole('button', { name: 'Edit' }).click();
  await requirePkce.check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(requirePkce).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Require PKCE as additional verification' })).toBeChecked();

  const refused = await answer();
  expect(`${refused.origin}${refused.pathname}`).toBe(EXAMPLE_REDIRECT);
  expect(refused.searchParams.get('error')).toBe('invalid_request');
  expect(refused.searchParams.get('state')).toBe('no-pkce-state');
  expect(refused.searchParams.get('code')).toBeNull();
});

test('"My Service App" joins "My Web App" in the console, listed like Okta\'s Applications page', async ({
  learnerPage: page,
  baseURL,
}) => {
  await page.goto('/practice/console');
  await expect(page.getByRole('heading', { name: 'My Web App', level: 1 })).toBeVisible();
  // The web app alone: no list of applications.
  await expect(page.getByRole('navigation', { name: 'Applications' })).toHaveCount(0);

  const created = await page.request.put('/api/practice/apps/service');
  expect(created.status()).toBe(201);
  const service = (await created.json()) as { clientId: string; clientSecret: string };

  await page.goto('/practice/console');
  const list = page.getByRole('navigation', { name: 'Applications' });
  await expect(list.getByRole('link', { name: 'My Web App' })).toHaveAttribute('aria-current', 'page');
  await list.getByRole('link', { name: 'My Service App' }).click();
  await expect(page.getByRole('heading', { name: 'My Service App', level: 1 })).toBeVisible();
  await expect(page.getByTestId('client-id')).toHaveText(service.clientId);
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(page.getByTestId('client-secret')).toHaveText(service.clientSecret);
  await expect(page.getByRole('checkbox', { name: 'Client Credentials' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Client Credentials' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Authorization Code' })).toHaveCount(0);
  await expect(page.getByText('Sign-in redirect URIs', { exact: true })).toHaveCount(0);

  const token = await page.request.post(`${baseURL}/oauth2/default/v1/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${service.clientId}:${service.clientSecret}`).toString('base64')}` },
    form: { grant_type: 'client_credentials', scope: 'api:read' },
  });
  expect(token.status()).toBe(200);
});
