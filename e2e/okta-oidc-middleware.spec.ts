/**
 * Okta's server-side web SDK, `@okta/oidc-middleware`, as shipped (it never sends PKCE),
 * signs a learner in through the practice sign-in in Chromium (issue 12): the learner's
 * Express app ends with a session holding access, ID and refresh tokens, and the userinfo
 * call the middleware makes itself succeeded.
 */
import { decodeJwt } from 'jose';
import { expect, signInOnPracticeServer, test } from './fixtures';
import { startOktaExpressApp, type OktaExpressApp } from './support/okta-express-app';

let expressApp: OktaExpressApp;
test.beforeEach(async () => {
  expressApp = await startOktaExpressApp();
});
test.afterEach(async () => {
  await expressApp.stop();
});

test('an Express app with @okta/oidc-middleware signs in with openid profile offline_access', async ({ learnerPage: page, baseURL }) => {
  // The learner's app: Refresh Token ticked, the Express app's callback added, PKCE not required (Okta's default).
  const app = await (await page.request.get('/api/practice/app')).json();
  const patched = await page.request.patch('/api/practice/app', {
    data: { grantTypes: ['authorization_code', 'refresh_token'], redirectUris: [...app.redirectUris, expressApp.redirectUri] },
  });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).requirePkce).toBe(false);

  await expressApp.configure({
    issuer: `${baseURL}/oauth2/default`,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    scope: 'openid profile offline_access',
  });

  await page.goto(`${expressApp.baseUrl}/profile`);
  await expect(page).toHaveURL(/\/oauth2\/default\/interaction\//);
  await signInOnPracticeServer(page);
  await expect(page).toHaveURL(`${expressApp.baseUrl}/profile`);
  await expect(page.getByText('Signed in as learner@example.com')).toBeVisible();

  const context = expressApp.lastContext!;
  expect(context.tokens).toMatchObject({
    access_token: expect.any(String),
    id_token: expect.any(String),
    refresh_token: expect.any(String),
    token_type: 'Bearer',
  });
  expect(context.tokens.scope?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'offline_access']));
  const access = decodeJwt(context.tokens.access_token!);
  const id = decodeJwt(context.tokens.id_token!);
  expect(access).toMatchObject({ aud: 'api://default', cid: app.clientId, sub: 'learner@example.com' });
  expect(id).toMatchObject({ aud: app.clientId, sub: access.uid, preferred_username: 'learner@example.com' });
  // The middleware called /v1/userinfo with the access token (and checked its sub against the ID token's).
  expect(context.userinfo).toMatchObject({ sub: access.uid, preferred_username: 'learner@example.com', name: 'Practice Learner' });
});
