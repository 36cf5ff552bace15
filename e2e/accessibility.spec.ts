import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Page } from '@playwright/test';
import { expect, expectChecklist, runCurlFromPage, test } from './fixtures';
import { expectNoAxeViolations, saveScreenshot, VIEWPORTS, type Scheme, type ViewportName } from './support/a11y';
import { advanceLearner } from './support/journey';

// axe on every page, in the states a learner sees them, in both colour schemes, at laptop
// and phone sizes (WCAG 2.2 AA, no axe violations). Each state is also saved as a
// screenshot for a person to look at.

const COMBOS: [ViewportName, Scheme][] = [
  ['laptop', 'light'],
  ['laptop', 'dark'],
  ['phone', 'light'],
  ['phone', 'dark'],
];

async function prepare(page: Page, viewport: ViewportName, scheme: Scheme) {
  await page.setViewportSize(VIEWPORTS[viewport]);
  await page.emulateMedia({ colorScheme: scheme });
  return async (state: string) => {
    // Metadata is never streamed (next.config.js), so the title is there at every moment.
    expect(await page.title()).toMatch(/\S/);
    await expectNoAxeViolations(page, `${state} [${viewport}, ${scheme}]`);
    await saveScreenshot(page, `${state}-${viewport}-${scheme}`);
  };
}

// The journey is audited in four parts, each starting where the one before ends (the
// learner is moved there over HTTP, see support/journey.ts): every part fits its timeout
// several times over on a busy machine.
for (const [viewport, scheme] of COMBOS) {
  test(`overview and setup have no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    await page.goto('/exercise/refresh');
    await audit('overview');

    // Setup: empty, a failing own-server check, the practice server passing.
    await page.goto('/exercise/refresh/setup');
    await audit('setup-empty');
    await page.getByLabel('Issuer URL').fill('not a url');
    await page.getByRole('button', { name: 'Use my server' }).click();
    await expectChecklist(page, 'fail');
    await audit('setup-fail');
    await page.getByRole('button', { name: 'Use the practice server' }).click();
    await expectChecklist(page, 'pass');
    await audit('setup-pass');
  });

  test(`enable and authorize have no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    await advanceLearner(page, 'setup');

    // Enable: not yet, then enabled (through the API the console uses).
    await page.goto('/exercise/refresh/enable');
    await expect(page.getByRole('status').filter({ hasText: 'not enabled yet' })).toBeVisible();
    await audit('enable-pending');
    const patched = await page.request.patch('/api/practice/app', { data: { grantTypes: ['authorization_code', 'refresh_token'] } });
    expect(patched.ok()).toBe(true);
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Refresh Token is enabled' })).toBeVisible();
    await audit('enable-done');

    // Authorize: empty, helpers used with a failing URL, then a passing one with Log In.
    await page.goto('/exercise/refresh/authorize');
    await audit('authorize-empty');
    await page.getByRole('button', { name: 'Generate Random String' }).click();
    await page.getByRole('button', { name: 'Calculate Hash' }).click();
    await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Generate State' }).click();
    const template = (await page.getByLabel('URL template', { exact: true }).textContent()) ?? '';
    await page
      .getByLabel('Authorization URL')
      .fill(
        template
          .replace('offline_access+{YOUR_SCOPE}', 'offline-access')
          .replace('code_challenge_method=S256', 'code_challenge_method=plain'),
      );
    await page.getByRole('button', { name: 'Check Your URL' }).click();
    await expectChecklist(page, 'fail');
    await audit('authorize-fail');
    await page.getByLabel('Authorization URL').fill(template.replace('{YOUR_SCOPE}', 'api:read'));
    await page.getByRole('button', { name: 'Check Your URL' }).click();
    await expectChecklist(page, 'pass');
    await expect(page.getByRole('link', { name: 'Log In' })).toBeVisible();
    await audit('authorize-pass');
  });

  test(`redirect and token have no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    const journey = await advanceLearner(page, 'authorized');

    // Redirect with a captured code (a real sign-in on the practice server).
    await page.goto(journey.loginUrl);
    await page.getByLabel('Username').fill('learner@example.com');
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Sign In' }).click();
    await expect(page).toHaveURL(/\/redirect$/);
    await expectChecklist(page, 'pass');
    await audit('redirect-captured');

    // Token: the command with placeholders filled, a failing paste, the real response.
    await page.getByRole('link', { name: 'Next: exchange the code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Exchange the code for tokens' })).toBeVisible();
    await audit('token-empty');
    await page.getByLabel('Token Response').fill('{"access_token": "abc"');
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expectChecklist(page, 'fail');
    await audit('token-fail');
    await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
    await page.getByLabel('Token Response').fill(await runCurlFromPage(page));
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expectChecklist(page, 'pass');
    await expect(page.getByRole('table').first()).toBeVisible();
    await audit('token-pass');
  });

  test(`refresh and completion have no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    const journey = await advanceLearner(page, 'token');
    const firstIat = decodeJwt((JSON.parse(journey.tokenResponse!) as { access_token: string }).access_token).iat ?? 0;

    // Refresh: empty, the first response pasted again (a failure), the real refresh.
    await page.goto('/exercise/refresh/refresh');
    await expect(page.getByRole('heading', { level: 1, name: 'Use the refresh token' })).toBeVisible();
    await audit('refresh-empty');
    await page.getByLabel('Refresh Token Response').fill(journey.tokenResponse!);
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expectChecklist(page, 'fail');
    await audit('refresh-fail');
    await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(firstIat); // iat has 1 s resolution
    await page.getByLabel('Refresh Token Response').fill(await runCurlFromPage(page));
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expectChecklist(page, 'pass');
    await audit('refresh-pass');

    await page.getByRole('link', { name: 'See your results' }).click();
    await expect(page.getByRole('heading', { name: "You've completed the exercise!" })).toBeVisible();
    await audit('complete');
    await page.goto('/exercise/refresh');
    await audit('overview-completed');
  });

  test(`home and the steps before a server is chosen have no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    await page.goto('/');
    await audit('home');
    for (const step of ['enable', 'authorize', 'token', 'refresh', 'complete'] as const) {
      await page.goto(`/exercise/refresh/${step}`);
      await audit(`${step}-no-server`);
    }
  });

  test(`the redirect page in its states has no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    await page.goto('/redirect');
    await audit('redirect-empty');

    await page.request.post('/api/exercise/setup', { data: { mode: 'practice' } });
    await page.goto('/redirect?error=access_denied&error_description=The+user+cancelled&state=abc');
    await audit('redirect-not-checked');
    await page.getByRole('button', { name: 'Check This Redirect' }).click();
    await expectChecklist(page, 'fail');
    await audit('redirect-error');
    await page.goto('/redirect');
    await page.getByLabel('Redirect URL').fill('https://example-app.com/redirect?code=abc');
    await page.getByRole('button', { name: 'Check Redirect URL' }).click();
    await expectChecklist(page, 'fail');
    await audit('redirect-pasted-fail');
  });

  test(`the practice console has no axe violations (${viewport}, ${scheme})`, async ({ learnerPage: page }) => {
    const audit = await prepare(page, viewport, scheme);
    await page.goto('/practice/console');
    await audit('console-view');
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('button', { name: 'Save' })).toBeVisible();
    await audit('console-edit');
    await page.getByRole('checkbox', { name: 'Refresh Token' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await audit('console-saved');
  });

  // Plain `page`: the wrong-password answer is an HTTP 401, which Chromium logs as a console
  // error by design; the learner fixture would count it.
  test(`the practice sign-in page has no axe violations (${viewport}, ${scheme})`, async ({ page }) => {
    const audit = await prepare(page, viewport, scheme);
    await page.goto('/');
    const app = (await (await page.request.get('/api/practice/app')).json()) as {
      clientId: string;
      issuer: string;
      redirectUris: string[];
    };
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(`${app.issuer}/v1/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      scope: 'offline_access api:read',
      client_id: app.clientId,
      state: randomBytes(16).toString('base64url'),
      redirect_uri: app.redirectUris[0]!,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();

    await page.goto(authorize.href);
    await expect(page.getByRole('button', { name: 'Sign In' })).toBeVisible();
    await audit('practice-sign-in');
    await page.getByLabel('Username').fill('learner@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign In' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await audit('practice-sign-in-wrong-password');
  });
}
