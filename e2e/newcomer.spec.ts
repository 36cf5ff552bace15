/**
 * Issue 20, "the newcomer's way": a person followed every page literally at 1366×768 and
 * 390×844. Walked the same way here: after every success the next action must be on screen
 * (item 7), "Calculate Hash" without a verifier says so by the button (item 9), a second
 * Log In comes straight back as the page says (item 10), and a learner with a join code
 * finds where to type it (item 11). Wording is unit-tested in tests/newcomer-wording.test.ts.
 */
import type { Browser, Page } from '@playwright/test';
import { E2E_INSTRUCTOR } from '../playwright.config';
import {
  enableRefreshTokenInConsole,
  expect,
  expectChecklist,
  runCurlFromPage,
  signInOnPracticeServer,
  test,
  typeBeforeHydration,
} from './fixtures';

const VIEWPORTS = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;

/**
 * A check has passed and settled: the progress bar, redrawn by the refresh that follows a
 * check, shows `done` steps. Only then is the next action asserted on screen — the refresh
 * is what pushed it out of view (the setup step's banner).
 */
async function expectNextActionInView(page: Page, action: string, done: number) {
  await expectChecklist(page, 'pass');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(done));
  await expect(page.getByRole('heading', { name: /All checks passed/ })).toBeFocused();
  await expect(page.getByRole('link', { name: action })).toBeInViewport({ ratio: 1 });
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`after every success the next action is on screen (${size})`, async ({ learnerPage: page }) => {
    test.slow(); // the whole journey, twice over the test file: three times the usual time on a busy machine
    await page.setViewportSize(viewport);

    // Setup: "Next: enable refresh tokens" used to sit at y = 800 of 768, under the focused heading.
    await page.goto('/exercise/refresh');
    await page.getByRole('link', { name: 'Start the exercise' }).click();
    await page.getByRole('button', { name: 'Use the practice server' }).click();
    await expect(page.getByText('You are using the practice server')).toBeVisible();
    await expectNextActionInView(page, 'Next: enable refresh tokens', 1);

    // Enable: the console's Save, and back on the step.
    await page.getByRole('link', { name: 'Next: enable refresh tokens' }).click();
    await page.getByRole('link', { name: 'My Web App in the practice console' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('checkbox', { name: 'Refresh Token' }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to step 2: Enable refresh tokens' })).toBeInViewport({ ratio: 1 });
    await page.getByRole('link', { name: 'Back to step 2: Enable refresh tokens' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Refresh Token is enabled' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Next: build the authorization URL' })).toBeInViewport({ ratio: 1 });
    await page.getByRole('link', { name: 'Next: build the authorization URL' }).click();

    // Step 3, item 9: "Calculate Hash" before there is a verifier is answered by the button.
    const calculate = page.getByRole('button', { name: 'Calculate Hash' });
    await calculate.click();
    const noVerifier = page.getByRole('alert').filter({ hasText: 'no code verifier to hash yet' });
    await expect(noVerifier).toBeInViewport({ ratio: 1 });
    const [button, message] = [(await calculate.boundingBox())!, (await noVerifier.boundingBox())!];
    expect(message.y - (button.y + button.height), 'the message sits right under the button').toBeLessThan(24);
    await page.getByRole('button', { name: 'Generate Random String' }).click();
    await expect(noVerifier).toHaveCount(0);
    await calculate.click();
    await expect(page.getByLabel('Code Challenge')).toHaveValue(/^[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Generate State' }).click();

    // Item 8: the scope to fill in is named on the page.
    const scopes = page.getByText('Scopes your server defines').locator('..');
    await expect(scopes).toContainText('api:read');
    const template = (await page.getByLabel('URL template', { exact: true }).textContent()) ?? '';
    await page.getByLabel('Authorization URL').fill(template.replace('{YOUR_SCOPE}', 'api:read'));
    await page.getByRole('button', { name: 'Check Your URL' }).click();
    await expectNextActionInView(page, 'Log In', 3);

    // The sign-in page, then the redirect page's own check.
    await page.getByRole('link', { name: 'Log In' }).click();
    await signInOnPracticeServer(page);
    await expect(page).toHaveURL(/\/redirect$/);
    await expectNextActionInView(page, 'Next: exchange the code', 4);

    // The code exchange.
    await page.getByRole('link', { name: 'Next: exchange the code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Exchange the code for tokens' })).toBeVisible();
    await page.getByRole('button', { name: 'Fill in my practice secret' }).click();
    const tokenResponse = await runCurlFromPage(page);
    await page.getByLabel('Token Response').fill(tokenResponse);
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expectNextActionInView(page, 'Next: use the refresh token', 5);

    // The refresh, in a later second than the first token (iat has one-second precision).
    await page.getByRole('link', { name: 'Next: use the refresh token' }).click();
    // The new page, before its curl command is read (the token step's would still be there).
    await expect(page.getByRole('heading', { level: 1, name: 'Use the refresh token' })).toBeVisible();
    const firstIat = JSON.parse(atob((JSON.parse(tokenResponse) as { access_token: string }).access_token.split('.')[1]!)).iat as number;
    await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(firstIat);
    await page.getByLabel('Refresh Token Response').fill(await runCurlFromPage(page));
    await page.getByRole('button', { name: 'Check Your Response' }).click();
    await expectNextActionInView(page, 'See your results', 6);

    // Item 10: the second Log In skips the sign-in page (the practice session is remembered),
    // and the page says so before the learner follows it.
    await page.goto('/exercise/refresh/authorize');
    await page.getByLabel('Authorization URL').fill(template.replace('{YOUR_SCOPE}', 'api:read'));
    await page.getByRole('button', { name: 'Check Your URL' }).click();
    await expect(page.getByText(/If you are still signed in there from an earlier login, you come straight back/)).toBeVisible();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
    });
    await page.getByRole('link', { name: 'Log In' }).click();
    await expect(page).toHaveURL(/\/redirect$/);
    await expectChecklist(page, 'pass');
    expect(
      visited.filter((path) => path.includes('/interaction/')),
      'no sign-in page on the way',
    ).toEqual([]);
  });
}

// At this height the setup result fits on screen as it appears, so nothing scrolls; the
// banner that the refresh adds above it then pushes the Next link out, unless it is brought
// back once the refresh has rendered (useRevealResult's second pass).
test('the setup step’s Next link stays on screen when the banner arrives after it (1366×820)', async ({ learnerPage: page }) => {
  await page.setViewportSize({ width: 1366, height: 820 });
  await page.goto('/exercise/refresh/setup');
  await page.getByRole('button', { name: 'Use the practice server' }).click();
  await expect(page.getByText('You are using the practice server')).toBeVisible();
  await expectNextActionInView(page, 'Next: enable refresh tokens', 1);
});

test('an empty Issuer URL is told apart from a malformed one, next to the form', async ({ learnerPage: page }) => {
  await page.setViewportSize(VIEWPORTS.laptop);
  await page.goto('/exercise/refresh/setup');
  await page.getByRole('button', { name: 'Use my server' }).click();
  await expectChecklist(page, 'fail');
  const result = page.locator('[data-code="issuer.missing"]');
  await expect(result).toContainText('The Issuer URL field is empty.');
  await expect(page.getByRole('heading', { name: /problems? to fix/ })).toBeInViewport({ ratio: 1 });
});

test('an Issuer URL typed before the setup page has loaded its script is the one checked', async ({ learnerPage: page }) => {
  await typeBeforeHydration(page, '/exercise/refresh/setup', () => page.getByLabel('Issuer URL').fill('dev-123456.okta.com'));
  await page.getByRole('button', { name: 'Use my server' }).click();
  await expectChecklist(page, 'fail');
  await expect(page.locator('[data-code="issuer.missing"]')).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: 'dev-123456.okta.com' }).first()).toBeVisible();
  await expect(page.getByLabel('Issuer URL')).toHaveValue('dev-123456.okta.com');
});

/** An instructor's cohort, created over the API as the instructor's page would. */
async function createCohort(browser: Browser): Promise<{ name: string; shortCode: string; joinUrl: string }> {
  const context = await browser.newContext();
  expect((await context.request.post('/api/instructor/session', { data: E2E_INSTRUCTOR })).status()).toBe(200);
  const created = await context.request.post('/api/instructor/cohorts', { data: { name: `Room ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const cohort = (await created.json()) as { name: string; shortCode: string; joinUrl: string };
  await context.close();
  return cohort;
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`a learner with a join code finds where to type it, and the join page knows them again (${size})`, async ({
    learnerPage: page,
    browser,
  }) => {
    const cohort = await createCohort(browser);
    await page.setViewportSize(viewport);

    // Item 11: the navigation, the home page and the exercise overview all offer it.
    await page.goto('/exercise/refresh');
    await expect(page.getByRole('main').getByRole('link', { name: 'enter your join code' })).toHaveAttribute('href', '/join');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Have a join code?' })).toHaveAttribute(
      'href',
      '/join',
    );
    await page.goto('/');
    await expect(page.getByRole('main').getByText('Have a join code?', { exact: true })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'enter your join code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join a cohort' })).toBeVisible();
    await page.getByLabel('Join code').fill(cohort.shortCode);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Join ${cohort.name}` })).toBeVisible();

    // One full stop after a name that ends with one.
    await page.getByLabel('Display name').fill('Bob S.');
    await page.getByRole('button', { name: 'Join Cohort' }).click();
    await expect(page.getByRole('status')).toHaveText(`You joined ${cohort.name} as Bob S. Your instructor can now follow your progress.`);

    // The join link again: no empty form that would rename them, but who they are, and a choice.
    await page.goto(cohort.joinUrl);
    await expect(page.getByRole('status')).toHaveText(
      `You have already joined ${cohort.name}, as Bob S. Your instructor follows your progress under this name.`,
    );
    await expect(page.getByLabel('Display name')).toHaveCount(0);
    await page.getByRole('button', { name: 'Change My Name' }).click();
    await expect(page.getByLabel('Display name')).toBeFocused();
    await expect(page.getByLabel('Display name')).toHaveValue('Bob S.');
    await page.getByLabel('Display name').fill('Bob Smith');
    await page.getByRole('button', { name: 'Save My Name' }).click();
    await expect(page.getByRole('status')).toHaveText(`Your name in ${cohort.name} is now Bob Smith.`);
    await expect(page.getByRole('button', { name: 'Change My Name' })).toBeFocused();
  });
}

test('the practice console lists the server’s scopes, read-only', async ({ learnerPage: page }) => {
  await enableRefreshTokenInConsole(page); // the console as a learner reaches it in step 2
  const scopes = page.getByRole('region', { name: 'Scopes' });
  for (const scope of ['api:read', 'api:write', 'openid', 'offline_access'])
    await expect(scopes.getByText(scope, { exact: true })).toBeVisible();
  await expect(scopes.getByRole('textbox')).toHaveCount(0);
  await expect(scopes.getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText('PRACTICE_REDIRECT_HOSTS');
});

test('a name typed on a slow phone before the join page has loaded its script is the name that joins', async ({
  learnerPage: page,
  browser,
}) => {
  const cohort = await createCohort(browser);
  // The input holds the name, React's state does not.
  await typeBeforeHydration(page, cohort.joinUrl, () => page.getByLabel('Display name').fill('Early Typist'));
  await expect(page.getByLabel('Display name')).toHaveValue('Early Typist');
  await page.getByRole('button', { name: 'Join Cohort' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `You joined ${cohort.name} as Early Typist. Your instructor can now follow your progress.`,
  );
});
