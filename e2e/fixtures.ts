import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';

/** Signs in on the practice server's sign-in page with the documented demo account. */
export async function signInOnPracticeServer(page: Page, user = 'learner@example.com', password = 'correct-horse-battery') {
  await expect(page.getByRole('button', { name: 'Sign In' })).toBeVisible();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

/** Ticks "Refresh Token" in the practice console through the UI, as a learner would. */
export async function enableRefreshTokenInConsole(page: Page) {
  await page.goto('/practice/console');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('checkbox', { name: 'Refresh Token' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Refresh Token' })).toBeChecked();
}

type Fixtures = { learnerPage: Page };

/** A learner: a fresh browser context (own session cookie) with the site open. */
export const test = base.extend<Fixtures>({
  learnerPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto('/');
    await use(page);
    await context.close();
    // A page that logs an unexpected error (e.g. a CSP violation) fails the test.
    expect(errors, 'console errors in the browser').toEqual([]);
  },
});

export { expect };

/**
 * Follows the page's requests so a test can wait until none is in flight: a page that has
 * shown its result may still be refreshing (router.refresh after a check), and a test that
 * stops a server at that moment cuts a request it did not mean to.
 */
export function trackRequests(page: Page) {
  const inFlight = new Set<unknown>();
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  return {
    /** Resolves once no request has been in flight for `quietMs`. */
    async settled(quietMs = 1000) {
      await expect
        .poll(
          async () => {
            const deadline = Date.now() + quietMs;
            while (Date.now() < deadline) {
              if (inFlight.size > 0) return inFlight.size;
              await page.waitForTimeout(100);
            }
            return 0;
          },
          { message: 'requests still in flight', timeout: 30_000 },
        )
        .toBe(0);
    },
  };
}

/**
 * Opens `url` with the page's scripts held back, so that what `typeFirst` does happens on the
 * server-rendered page before React hydrates it (a learner on a slow phone); returns once
 * React has attached itself to the page's form.
 */
export async function typeBeforeHydration(page: Page, url: string, typeFirst: () => Promise<void>) {
  let release = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  const route = '**/_next/static/chunks/*.js';
  await page.route(route, async (held) => {
    await scriptsHeld;
    await held.continue();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await typeFirst();
  release();
  await page.waitForFunction(() => {
    const form = document.querySelector('main form');
    return form !== null && Object.keys(form).some((key) => key.startsWith('__react'));
  });
  await page.unroute(route);
}

/** Waits for a step's checklist to show the given outcome. */
export async function expectChecklist(page: Page, outcome: 'pass' | 'fail') {
  const heading = outcome === 'pass' ? /All checks passed/ : /problems? to fix/;
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

/** Runs the page's curl command in bash, as the learner would in a terminal; returns its output. */
export async function runCurlFromPage(page: Page): Promise<string> {
  // The page fills in values kept in this browser (secret, code, verifier, refresh token).
  await expect(page.getByTestId('curl-command')).not.toContainText('YOUR_');
  const command = (await page.getByTestId('curl-command').textContent()) ?? '';
  expect(command).toContain('curl');
  const { stdout } = await promisify(execFile)('bash', ['-c', `${command} --silent --show-error`], { timeout: 15_000 });
  return stdout;
}
